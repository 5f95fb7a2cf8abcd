//! Real `caravan serve` processes for tests that need one (several instances, signals, database outages), and
//! a small HTTP/1.1 client that keeps cookies like a browser.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use caravan::db::DatabaseUrl;

use super::TestDb;

/// A `caravan serve` process, killed when dropped.
/// A running `caravan serve`, and the file its log goes to (when the test set one up).
pub struct Server(pub Child, pub Option<std::path::PathBuf>);

/// Stops the instance; no page it rendered may have looked up a message defined in no locale.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let Some(log) = &self.1 else {
            return;
        };
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if !std::thread::panicking() {
            let missing: Vec<&str> = text
                .lines()
                .filter(|l| l.contains("missing fluent message"))
                .take(5)
                .collect();
            assert!(missing.is_empty(), "missing Fluent messages: {missing:#?}");
        }
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start(db: &TestDb, port: u16, key: &str) -> Server {
    start_with(db, port, key, None)
}

/// `DATABASE_URL` for a process on the test's database.
pub fn database_url(db: &TestDb) -> String {
    match &db.url {
        DatabaseUrl::Sqlite(p) => format!("sqlite://{p}"),
        DatabaseUrl::Postgres(u) => u.clone(),
    }
}

/// Starts an instance with a log file, or without.
pub fn start_with(db: &TestDb, port: u16, key: &str, json_log: Option<&std::path::Path>) -> Server {
    start_env(db, port, key, json_log, &[])
}

/// Starts an instance; with `json_log`, its standard error (JSON log lines) goes to that file; `env` overrides
/// the defaults (one worker, four connections, cheap password hashing).
pub fn start_env(
    db: &TestDb,
    port: u16,
    key: &str,
    json_log: Option<&std::path::Path>,
    env: &[(&str, &str)],
) -> Server {
    let url = database_url(db);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_caravan"));
    let log = match json_log {
        Some(path) => {
            cmd.env("CARAVAN_LOG_FORMAT", "json")
                .env("RUST_LOG", "info");
            path.to_path_buf()
        }
        None => {
            cmd.env("RUST_LOG", "warn");
            db.dir.path().join(format!("serve-{port}.log"))
        }
    };
    cmd.stderr(std::fs::File::create(&log).expect("log file"));
    let child = cmd
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("CARAVAN_BIND", format!("127.0.0.1:{port}"))
        .env("CARAVAN_WORKERS", "1")
        .env("CARAVAN_DB_POOL", "4")
        .env("CARAVAN_SECRET_KEY", key)
        .env("CARAVAN_DATA_DIR", db.dir.path())
        .env("CARAVAN_ARGON2_MEMORY_KIB", "1024")
        .env("CARAVAN_ARGON2_ITERATIONS", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .expect("start caravan serve");
    let server = Server(child, Some(log));
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok()
            && get_raw(port, "/healthz", &BTreeMap::new()).status == 200
        {
            return server;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("instance on port {port} did not come up");
}

pub struct Res {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Res {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn input(&self, name: &str) -> String {
        let needle = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&needle).expect(name) + needle.len();
        let end = self.body[start..].find('"').unwrap();
        self.body[start..start + end].to_string()
    }
}

pub fn request(
    port: u16,
    method: &str,
    path: &str,
    cookies: &BTreeMap<String, String>,
    form: Option<&[(&str, &str)]>,
) -> Res {
    let body = form
        .map(|f| serde_urlencoded::to_string(f).unwrap())
        .unwrap_or_default();
    let content_type = form.map(|_| "application/x-www-form-urlencoded");
    send(port, method, path, cookies, content_type, body.as_bytes())
}

/// One request on its own connection. A connection refused or cut before an answer is status 0, never a panic:
/// the fault tests count those.
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    cookies: &BTreeMap<String, String>,
    content_type: Option<&str>,
    body: &[u8],
) -> Res {
    let failed = || Res {
        status: 0,
        headers: Vec::new(),
        body: String::new(),
    };
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return failed();
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let cookie = cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    if !cookie.is_empty() {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if method != "GET" {
        // What a browser adds to a form post from one of our own pages.
        head.push_str("Sec-Fetch-Site: same-origin\r\n");
    }
    head.push_str("\r\n");
    let mut raw = Vec::new();
    if s.write_all(head.as_bytes()).is_err()
        || s.write_all(body).is_err()
        || s.read_to_end(&mut raw).is_err()
    {
        return failed();
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Res {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A `multipart/form-data` body with text fields and files (name, file name, bytes), and its content type.
pub fn multipart(texts: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "caravan-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, value) in texts {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (name, file, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub fn get_raw(port: u16, path: &str, cookies: &BTreeMap<String, String>) -> Res {
    request(port, "GET", path, cookies, None)
}

/// A browser-like client that keeps cookies across instances.
#[derive(Default)]
pub struct Browser {
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn keep(&mut self, r: &Res) {
        for (k, v) in &r.headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                if let Some((pair, _)) = v.split_once(';').or(Some((v.as_str(), ""))) {
                    if let Some((name, value)) = pair.split_once('=') {
                        self.cookies.insert(name.to_string(), value.to_string());
                    }
                }
            }
        }
    }

    pub fn get(&mut self, port: u16, path: &str) -> Res {
        let r = get_raw(port, path, &self.cookies);
        self.keep(&r);
        r
    }

    pub fn post(&mut self, port: u16, path: &str, form: &[(&str, &str)]) -> Res {
        let r = request(port, "POST", path, &self.cookies, Some(form));
        self.keep(&r);
        r
    }

    pub fn post_multipart(
        &mut self,
        port: u16,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> Res {
        let r = send(port, "POST", path, &self.cookies, Some(content_type), body);
        self.keep(&r);
        r
    }

    /// Signs in through the form; panics unless the app accepts.
    pub fn sign_in(&mut self, port: u16, email: &str, password: &str) {
        let csrf = self.get(port, "/en/sign-in").input("csrf");
        let r = self.post(
            port,
            "/en/sign-in",
            &[("csrf", &csrf), ("email", email), ("password", password)],
        );
        assert_eq!(r.status, 303, "sign in as {email}: {}", r.body);
    }
}
