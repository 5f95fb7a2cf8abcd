//! A session-aware test client over the real app service: keeps cookies like a browser.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::test::{self, TestRequest};

pub type ResponseFuture = Pin<Box<dyn Future<Output = ServiceResponse>>>;
type Svc = Box<dyn Fn(actix_http::Request) -> ResponseFuture>;

pub struct Page {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: String,
    /// The body as sent (compressed when the request allowed it).
    pub raw: Vec<u8>,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    pub fn location(&self) -> Option<String> {
        self.header("location")
    }

    /// The value of the first `<input name=… value=…>`/hidden field with this name (attributes in any order).
    pub fn input_value(&self, name: &str) -> Option<String> {
        let needle = format!("name=\"{name}\"");
        let mut from = 0;
        while let Some(pos) = self.body[from..].find(&needle) {
            let at = from + pos;
            let tag_start = self.body[..at].rfind('<')?;
            let tag_end = at + self.body[at..].find('>')?;
            let tag = &self.body[tag_start..tag_end];
            if tag.starts_with("<input") {
                if let Some(v) = tag.find(" value=\"") {
                    let rest = &tag[v + 8..];
                    let end = rest.find('"')?;
                    return Some(html_unescape(&rest[..end]));
                }
            }
            from = at + needle.len();
        }
        None
    }

    pub fn assert_contains(&self, text: &str) {
        assert!(
            self.body.contains(text),
            "expected page to contain {text:?}; status {}; body:\n{}",
            self.status,
            self.body
        );
    }

    pub fn assert_not_contains(&self, text: &str) {
        assert!(
            !self.body.contains(text),
            "expected page NOT to contain {text:?}"
        );
    }

    /// Number of product cards on the page.
    pub fn card_count(&self) -> usize {
        self.body.matches("<li class=\"card\">").count()
    }
}

/// Percent-encodes non-ASCII bytes and spaces, as a browser does before sending.
pub fn encode_uri(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for b in uri.bytes() {
        if b.is_ascii() && b != b' ' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn html_unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

pub struct TestClient {
    svc: Svc,
    pub cookies: BTreeMap<String, String>,
    pub accept_language: Option<String>,
    /// The TCP peer the app sees (loopback unless a test says otherwise).
    pub peer: String,
    /// `Sec-Fetch-Site` sent with form posts, as a browser does (`same-origin` from our own pages; `None` for a
    /// client that says nothing).
    pub fetch_site: Option<&'static str>,
}

impl TestClient {
    pub fn new(svc: Svc) -> Self {
        Self {
            svc,
            cookies: BTreeMap::new(),
            accept_language: None,
            peer: "127.0.0.1:40000".into(),
            fetch_site: Some("same-origin"),
        }
    }

    pub async fn send(&mut self, req: TestRequest) -> Page {
        let mut req = req.peer_addr(self.peer.parse().expect("addr"));
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req = req.insert_header((header::COOKIE, cookie));
        }
        if let Some(al) = &self.accept_language {
            req = req.insert_header((header::ACCEPT_LANGUAGE, al.clone()));
        }
        let res = (self.svc)(req.to_request()).await;
        for c in res.response().cookies() {
            let expired = c.max_age().is_some_and(|a| a.is_zero() || a.is_negative());
            if expired || c.value().is_empty() {
                self.cookies.remove(c.name());
            } else {
                self.cookies
                    .insert(c.name().to_string(), c.value().to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = test::read_body(res).await;
        Page {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            raw: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, uri: &str) -> Page {
        self.send(
            TestRequest::default()
                .method(Method::GET)
                .uri(&encode_uri(uri)),
        )
        .await
    }

    pub async fn post_form(&mut self, uri: &str, form: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded::to_string(form).expect("form");
        let req = self
            .post(uri)
            .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
            .set_payload(body);
        self.send(req).await
    }

    /// A POST carrying the client's `Sec-Fetch-Site`.
    pub fn post(&self, uri: &str) -> TestRequest {
        let req = TestRequest::default().method(Method::POST).uri(uri);
        match self.fetch_site {
            Some(site) => req.insert_header(("sec-fetch-site", site)),
            None => req,
        }
    }

    /// A `multipart/form-data` POST: text fields and files (field, file name, content type, bytes).
    pub async fn post_multipart(
        &mut self,
        uri: &str,
        texts: &[(&str, &str)],
        files: &[(&str, &str, &str, &[u8])],
    ) -> Page {
        let boundary = "caravan-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in texts {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, file_name, ctype, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {ctype}\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let req = self
            .post(uri)
            .insert_header((
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            ))
            .set_payload(body);
        self.send(req).await
    }
}
