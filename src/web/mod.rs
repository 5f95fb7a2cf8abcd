//! The application's HTTP edge: middleware (headers, compression, sessions, telemetry), error pages, operations
//! endpoints and the market switch. It sits above every feature; features build on [`crate::http`].

pub mod errors;
pub mod market;
pub mod middleware;
pub mod ops;
pub mod telemetry;

/// `HttpServer::on_connect` hook: `TCP_NODELAY` on every accepted socket, so a response's last segment is not
/// held back by Nagle's algorithm until the client's delayed ACK (40 ms on Linux) on a kept-alive connection.
pub fn no_delay(conn: &dyn std::any::Any, _: &mut actix_web::dev::Extensions) {
    if let Some(sock) = conn.downcast_ref::<actix_web::rt::net::TcpStream>() {
        if let Err(e) = sock.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY");
        }
    }
}
