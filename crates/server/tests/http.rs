//! The server end to end, in process: pages, API, writes and their guards, and untrusted
//! text escaped everywhere. Each test builds its own archive from transcripts written here.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use earshot_archive::{Access, Archive, IngestOptions};
use earshot_server::{app, AppState, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123";

/// A show in the speaker-and-stamp layout, with forecasts and names.
const NIGHT_DESK: &str = "Title: Night Desk on the Black Sea
Show: Night Desk
Date: 2026-03-02

Maria Lind (00:00):
Welcome back to Night Desk. Tonight, Odesa and the grain corridor.

Tom Okafor (01:30):
I think Putin will accept the maritime truce within the next few weeks.
NATO met in Brussels on Monday to talk about the Baltic air policing mission.

Maria Lind (02:10):
Use the code DESK for ten percent off, link in the description.
";

/// Everything a hostile transcript could carry: markup in the title, the show, the text, and
/// in the file's name.
const HOSTILE: &str = "Title: <script>alert('title')</script>\"><img src=x onerror=alert(1)>
Show: <b onmouseover=alert(2)>Evil</b>
Date: 2026-03-05

Maria Lind (00:00):
<script>alert('text')</script> and \"><img src=x onerror=alert(3)> and javascript:alert(4) and Putin will resign by the summer <iframe src=x>.
";

const HOSTILE_FILE: &str = "<svg onload=alert(5)>.txt";

fn archive(dir: &Path) {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("night-desk.txt"), NIGHT_DESK).unwrap();
    std::fs::write(input.join(HOSTILE_FILE), HOSTILE).unwrap();
    let mut a = Archive::open(&dir.join("data"), Access::Write).unwrap();
    let report = a
        .ingest(&[input], &IngestOptions::default(), &mut |_| {})
        .unwrap();
    assert_eq!(report.added, 2, "{:?}", report.rejected);
}

fn server(dir: &Path, token: Option<&str>) -> axum::Router {
    let state = AppState::open(Config {
        data: dir.join("data"),
        token: token.map(str::to_string),
    })
    .unwrap();
    app(Arc::new(state))
}

async fn send(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let (s, _, b) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, b)
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The id of the Night Desk episode and of its first forecast.
async fn ids(app: &axum::Router) -> (i64, i64) {
    let (_, body) = get(app, "/api/search?q=maritime+truce").await;
    let episode = json(&body)["hits"][0]["episode"].as_i64().unwrap();
    let (_, body) = get(app, "/api/predictions?show=night+desk").await;
    let forecast = json(&body)["predictions"][0]["id"].as_i64().unwrap();
    (episode, forecast)
}

#[tokio::test]
async fn pages_show_the_archive_and_link_to_moments() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), None);
    let (episode, forecast) = ids(&app).await;

    let (s, home) = get(&app, "/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(home.contains("Night Desk on the Black Sea"));
    assert!(home.contains("read-only"));

    let (s, page) = get(&app, "/search?q=maritime+truce").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(&format!("/episodes/{episode}#t=90")),
        "{page}"
    );
    assert!(page.contains("<b>maritime</b>"), "{page}");

    let (s, page) = get(&app, &format!("/episodes/{episode}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("data-t=\"90\""));
    assert!(
        page.contains(&format!("id=\"f{forecast}\"")),
        "forecast marked"
    );
    assert!(
        page.contains("class=\"mention\" href=\"/entities/"),
        "mentions linked"
    );
    assert!(page.contains("seg boilerplate"), "sign-off dimmed");

    let (s, page) = get(&app, "/entities").await;
    assert_eq!(s, StatusCode::OK);
    let (_, list) = get(&app, "/api/entities").await;
    let putin = json(&list)["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .map(|e| e["id"].as_i64().unwrap())
        .expect("Putin is an entity");
    assert!(page.contains(&format!("/entities/{putin}")));
    let (s, page) = get(&app, &format!("/entities/{putin}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("<svg class=\"chart\""));
    assert!(page.contains("2026-03"));

    let (s, page) = get(&app, "/predictions").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("maritime truce"));
    assert!(page.contains("Calibration"));
    assert!(
        !page.contains("<form class=\"resolve\""),
        "no forms on a read-only server"
    );
}

#[tokio::test]
async fn the_api_returns_the_clis_shapes() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), None);
    let (episode, forecast) = ids(&app).await;

    let (s, body) = get(&app, &format!("/api/episodes/{episode}")).await;
    assert_eq!(s, StatusCode::OK);
    let v = json(&body);
    assert_eq!(v["show"], "Night Desk");
    assert_eq!(v["segments"][1]["speaker"], "Tom Okafor");

    let (_, body) = get(&app, &format!("/api/predictions/{forecast}")).await;
    let p = json(&body);
    assert_eq!(p["due"], "2026-03-30");
    assert!(p["outcome"].is_null());

    let (s, body) = get(&app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let doc = json(&body);
    for path in [
        "/api/search",
        "/api/episodes/{id}",
        "/api/predictions/{id}/resolve",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }

    for (uri, status) in [
        ("/api/episodes/999999", StatusCode::NOT_FOUND),
        ("/api/predictions/999999", StatusCode::NOT_FOUND),
        ("/api/episodes/abc", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=putin&year=12ab", StatusCode::BAD_REQUEST),
        ("/api/predictions?status=maybe", StatusCode::BAD_REQUEST),
        ("/api/predictions?due_before=soon", StatusCode::BAD_REQUEST),
        (
            "/api/search?q=putin&after=yesterday",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (s, body) = get(&app, uri).await;
        assert_eq!(s, status, "{uri}: {body}");
        if uri != "/api/episodes/abc" {
            assert!(json(&body)["error"].is_string(), "{uri}: {body}");
        }
    }
}

#[tokio::test]
async fn hostile_queries_get_an_answer_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), None);
    let many = "putin+".repeat(40);
    let long = "x".repeat(5000);
    for q in [
        many.as_str(),
        long.as_str(),
        "%22%22%22",
        "-",
        "entity%3A%22",
        "%00%01%FF",
        "%22the+the+the+the+the+the+the+the+the+the+the+the+the+the%22",
        "*%3F%5B%5D%7B%7D()%5E~",
    ] {
        let (s, body) = get(&app, &format!("/api/search?q={q}")).await;
        assert!(
            s == StatusCode::OK || s == StatusCode::BAD_REQUEST,
            "{q}: {s} {body}"
        );
        let (s, _) = get(&app, &format!("/search?q={q}")).await;
        assert_eq!(s, StatusCode::OK, "the page shows the error: {q}");
    }
}

#[tokio::test]
async fn untrusted_text_is_escaped_in_every_page() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let (_, body) = get(&app, "/api/search?q=resign").await;
    let hostile = json(&body)["hits"][0]["episode"].as_i64().unwrap();
    let mut pages = vec![
        "/".to_string(),
        "/search?q=resign".into(),
        "/search?q=%3Cscript%3Ealert(9)%3C/script%3E".into(),
        "/search?q=x&show=%22%3E%3Cimg%20src=x%20onerror=alert(9)%3E".into(),
        format!("/episodes/{hostile}"),
        "/entities".into(),
        "/predictions".into(),
        "/predictions?speaker=%3Cscript%3E".into(),
        "/login".into(),
        "/no/such/%3Cscript%3Ealert(9)%3C/script%3E".into(),
    ];
    let (_, list) = get(&app, "/api/entities").await;
    for e in json(&list)["entities"].as_array().unwrap() {
        pages.push(format!("/entities/{}", e["id"]));
    }
    for uri in &pages {
        let (_, page) = get(&app, uri).await;
        for raw in [
            "<script>alert",
            "<img src=x",
            "<iframe",
            "<svg onload",
            "<b onmouseover",
        ] {
            assert!(!page.contains(raw), "{uri} has {raw} unescaped:\n{page}");
        }
        assert!(!page.contains("href=\"javascript:"), "{uri}");
    }
    let (_, page) = get(&app, &format!("/episodes/{hostile}")).await;
    // Shown, as text: nothing the user gave is dropped.
    assert!(page.contains("alert(&#39;title&#39;)"), "{page}");
    assert!(
        page.contains("svg onload=alert(5)"),
        "the file name, escaped"
    );
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), None);
    for uri in ["/", "/api/entities", "/nope", "/static/earshot.css"] {
        let (_, h, _) = send(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{uri}"
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
    for uri in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/%2e%2e/Cargo.toml",
        "/static/earshot.css/../../../etc/passwd",
        "/episodes/..%2F..%2Fetc%2Fpasswd",
    ] {
        let (s, body) = get(&app, uri).await;
        assert!(s.is_client_error(), "{uri}: {s}");
        assert!(
            !body.contains("[workspace]") && !body.contains("root:"),
            "{uri}"
        );
    }
}

/// A POST of `body` to `uri`, with its content type and a credential header (the bearer
/// token's `Authorization`, or a session's `Cookie`) when given.
fn post(
    uri: &str,
    content_type: Option<&str>,
    credential: Option<(header::HeaderName, &str)>,
    body: impl Into<Body>,
) -> Request<Body> {
    let mut r = Request::post(uri);
    if let Some(t) = content_type {
        r = r.header(header::CONTENT_TYPE, t);
    }
    if let Some((name, value)) = credential {
        r = r.header(name, value);
    }
    r.body(body.into()).unwrap()
}

/// A JSON POST to `uri`, with an `Authorization` header when given.
fn post_json(uri: &str, auth: Option<&str>, body: &str) -> Request<Body> {
    let auth = auth.map(|a| (header::AUTHORIZATION, a));
    post(uri, Some("application/json"), auth, body.to_string())
}

fn resolve_json(id: i64, auth: Option<&str>, body: &str) -> Request<Body> {
    post_json(&format!("/api/predictions/{id}/resolve"), auth, body)
}

#[tokio::test]
async fn api_writes_need_the_token() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let read_only = server(dir.path(), None);
    let (_, forecast) = ids(&read_only).await;
    let body = r#"{"outcome": "correct", "note": "it held"}"#;
    let (s, _, _) = send(
        &read_only,
        resolve_json(forecast, Some(&format!("Bearer {TOKEN}")), body),
    )
    .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a read-only server refuses everyone"
    );

    let app = server(dir.path(), Some(TOKEN));
    let (s, _, _) = send(&app, resolve_json(forecast, None, body)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = send(
        &app,
        resolve_json(forecast, Some("Bearer wrong-token-000"), body),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let bearer = format!("Bearer {TOKEN}");
    let (s, _, b) = send(
        &app,
        resolve_json(forecast, Some(&bearer), r#"{"outcome": "maybe"}"#),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
    let evil = r#"{"outcome": "correct", "evidence": "javascript:alert(1)"}"#;
    let (s, _, _) = send(&app, resolve_json(forecast, Some(&bearer), evil)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = send(&app, resolve_json(forecast, Some(&bearer), "{not json")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = send(&app, resolve_json(999_999, Some(&bearer), body)).await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    let (s, _, b) = send(&app, resolve_json(forecast, Some(&bearer), body)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(json(&b)["outcome"], "correct");
    let (_, b) = get(&read_only, &format!("/api/predictions/{forecast}")).await;
    assert_eq!(json(&b)["note"], "it held", "the write is in the archive");

    let huge = format!(
        r#"{{"outcome": "correct", "note": "{}"}}"#,
        "x".repeat(2 << 20)
    );
    let (s, _, _) = send(&app, resolve_json(forecast, Some(&bearer), &huge)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
}

fn form(uri: &str, cookie: Option<&str>, body: &str) -> Request<Body> {
    let cookie = cookie.map(|c| (header::COOKIE, c));
    post(
        uri,
        Some("application/x-www-form-urlencoded"),
        cookie,
        body.to_string(),
    )
}

#[tokio::test]
async fn forms_need_a_session_and_its_csrf_token() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let (_, forecast) = ids(&app).await;
    let uri = format!("/predictions/{forecast}/resolve");

    let (s, _, _) = send(&app, form(&uri, None, "csrf=x&outcome=correct")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no session");

    let (s, _, _) = send(&app, form("/login", None, "token=wrong-token-000")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, h, _) = send(&app, form("/login", None, &format!("token={TOKEN}"))).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let set = h[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    let cookie = set.split(';').next().unwrap().to_string();

    let page = send(
        &app,
        Request::get("/predictions")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .2;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a logged-in page carries the CSRF token")
        .to_string();

    let (s, _, _) = send(
        &app,
        form(&uri, Some(&cookie), "csrf=forged&outcome=correct"),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a forged CSRF token");
    let body = format!("csrf={csrf}&outcome=partly&note=half+of+it&evidence=");
    let (s, h, _) = send(&app, form(&uri, Some(&cookie), &body)).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(h[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with(&format!("#p{forecast}")));
    let (_, b) = get(&app, &format!("/api/predictions/{forecast}")).await;
    assert_eq!(json(&b)["outcome"], "partly");

    let (s, _, _) = send(
        &app,
        form("/logout", Some(&cookie), &format!("csrf={csrf}")),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = send(&app, form(&uri, Some(&cookie), &body)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "the session is over");
}

fn upload(name: &str, auth: Option<&str>, body: &[u8]) -> Request<Body> {
    let auth = auth.map(|a| (header::AUTHORIZATION, a));
    post(
        &format!("/api/ingest?name={name}"),
        None,
        auth,
        body.to_vec(),
    )
}

#[tokio::test]
async fn uploads_are_ingested_and_searchable_at_once() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let bearer = format!("Bearer {TOKEN}");
    let transcript = "Title: Harbour Watch on the Danube
Show: Harbour Watch
Date: 2026-04-01

Ana Pop (00:00):
The barges at Izmail are moving again, and the pilots are busy.
";
    let (s, _, _) = send(&app, upload("watch.txt", None, transcript.as_bytes())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (_, before) = get(&app, "/api/search?q=barges").await;
    assert_eq!(json(&before)["hits"].as_array().unwrap().len(), 0);

    let name = "..%2F..%2Fwatch.txt";
    let (s, _, body) = send(&app, upload(name, Some(&bearer), transcript.as_bytes())).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["added"], 1);
    assert_eq!(json(&body)["name"], "watch.txt");
    let (_, after) = get(&app, "/api/search?q=barges").await;
    assert_eq!(json(&after)["hits"].as_array().unwrap().len(), 1, "{after}");
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("data/uploads"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        kept.len() == 1 && kept[0].ends_with("-watch.txt"),
        "{kept:?}"
    );
    assert!(!dir.path().join("watch.txt").exists());

    let (s, _, body) = send(
        &app,
        upload("noise.bin", Some(&bearer), &[0, 159, 146, 150, 0, 1]),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        json(&body)["error"].as_str().unwrap().contains("noise.bin"),
        "{body}"
    );
    let (s, _, _) = send(&app, upload("empty.txt", Some(&bearer), b"")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

fn curate(id: i64, action: &str, auth: Option<&str>, value: &str) -> Request<Body> {
    let body = serde_json::json!({ "value": value }).to_string();
    post_json(&format!("/api/entities/{id}/{action}"), auth, &body)
}

#[tokio::test]
async fn entities_are_curated_with_the_token() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let bearer = format!("Bearer {TOKEN}");
    let (_, list) = get(&app, "/api/entities").await;
    let id_of = |list: &str, name: &str| {
        json(list)["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| e["id"].as_i64().unwrap())
    };
    let odesa = id_of(&list, "Odesa").expect("Odesa is an entity");

    let (s, _, _) = send(&app, curate(odesa, "rename", None, "Odessa")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = send(&app, curate(odesa, "explode", Some(&bearer), "x")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, _) = send(&app, curate(odesa, "kind", Some(&bearer), "planet")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = send(&app, curate(odesa, "rename", Some(&bearer), "  ")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    let (s, _, body) = send(&app, curate(odesa, "rename", Some(&bearer), "Odesa (city)")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["name"], "Odesa (city)");
    let (_, page) = get(&app, &format!("/entities/{odesa}")).await;
    assert!(page.contains("Odesa (city)"));

    let (s, _, body) = send(&app, curate(odesa, "alias", Some(&bearer), "Odessa")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, body) = get(&app, &format!("/api/entities/{odesa}")).await;
    let surfaces = json(&body)["surfaces"].to_string();
    assert!(surfaces.contains("Odesa"), "{surfaces}");
}

/// Logs in with the token; returns the session cookie and the CSRF token the overview's
/// upload form carries.
async fn login(app: &axum::Router) -> (String, String) {
    let (s, h, _) = send(app, form("/login", None, &format!("token={TOKEN}"))).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let cookie = h[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let page = page_as(app, "/", &cookie).await;
    let csrf = page
        .split("action=\"/upload\"")
        .nth(1)
        .and_then(|s| s.split("name=\"csrf\" value=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .expect("the upload form carries the CSRF token")
        .to_string();
    (cookie, csrf)
}

async fn page_as(app: &axum::Router, uri: &str, cookie: &str) -> String {
    let req = Request::get(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let (s, _, page) = send(app, req).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {page}");
    page
}

const BOUNDARY: &str = "earshot-test-3f9c2a";

/// `POST /upload` as a browser sends the overview's form: `multipart/form-data` written out
/// by hand, the CSRF field (when given) and then one part per file.
fn upload_form(cookie: Option<&str>, csrf: Option<&str>, files: &[(&str, &[u8])]) -> Request<Body> {
    let mut body = Vec::new();
    if let Some(csrf) = csrf {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, bytes) in files {
        // A quote in a file name goes escaped, as in any quoted string of a header.
        let name = name.replace('"', "\\\"");
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let cookie = cookie.map(|c| (header::COOKIE, c));
    post("/upload", Some(&content_type), cookie, body)
}

/// A transcript for the upload tests, in the speaker-and-stamp layout.
const RIVER_LOG: &str = "Title: River Log at Vukovar
Show: River Log
Date: 2026-04-03

Ivo Horvat (00:00):
The ferries at Vukovar run twice a day while the water stays this low.
";

/// Bytes no layout reads.
const STATIC_NOISE: &[u8] = &[0, 255, 1, 254, 0, 0, 7, 200, 13, 0];

fn kept_uploads(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir.join("data/uploads")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect(),
        Err(_) => Vec::new(),
    }
}

async fn hits(app: &axum::Router, q: &str) -> usize {
    let (_, body) = get(app, &format!("/api/search?q={q}")).await;
    json(&body)["hits"].as_array().unwrap().len()
}

#[tokio::test]
async fn the_overview_offers_uploads_only_to_a_session() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let (_, home) = get(&server(dir.path(), None), "/").await;
    assert!(!home.contains("/upload"), "read-only: no form, no link");
    assert!(!home.contains("add transcripts"));

    let app = server(dir.path(), Some(TOKEN));
    let (_, home) = get(&app, "/").await;
    assert!(!home.contains("action=\"/upload\""), "{home}");
    assert!(home.contains("<a href=\"/login\">Log in to add transcripts</a>"));

    let (cookie, _) = login(&app).await;
    let home = page_as(&app, "/", &cookie).await;
    assert!(home.contains("enctype=\"multipart/form-data\""), "{home}");
    assert!(home.contains("type=\"file\" name=\"files\" multiple"));
    assert!(!home.contains("Log in to add transcripts"));
}

#[tokio::test]
async fn uploads_from_the_page_are_ingested_and_reported_each() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let (cookie, csrf) = login(&app).await;
    assert_eq!(hits(&app, "ferries").await, 0);

    let files: &[(&str, &[u8])] = &[
        ("static.bin", STATIC_NOISE),
        ("river-log.txt", RIVER_LOG.as_bytes()),
        ("empty.txt", b""),
    ];
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert!(
        page.contains("<td><code>river-log.txt</code></td><td>added</td>"),
        "{page}"
    );
    assert!(
        page.contains("<td><code>static.bin</code></td><td class=\"error\">cannot read: "),
        "the unreadable file is reported, and did not stop the other: {page}"
    );
    assert!(
        page.contains("<td><code>empty.txt</code></td><td class=\"error\">cannot read: "),
        "{page}"
    );
    assert!(page.contains("1 of 3 files in the archive"), "{page}");
    assert!(page.contains("href=\"/search\"") && page.contains("href=\"/\""));
    assert!(
        !page.contains("data/uploads") && !page.contains(&dir.path().display().to_string()),
        "no server paths in the report: {page}"
    );

    assert_eq!(hits(&app, "ferries").await, 1, "searchable at once");
    let kept = kept_uploads(dir.path());
    assert!(
        kept.len() == 1 && kept[0].ends_with("-river-log.txt"),
        "the unreadable file is not kept: {kept:?}"
    );

    // The same transcript again: merged into the episode it already is.
    let files: &[(&str, &[u8])] = &[("river-log.txt", RIVER_LOG.as_bytes())];
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert!(
        page.contains("<td><code>river-log.txt</code></td><td>merged</td>"),
        "{page}"
    );
    assert_eq!(hits(&app, "ferries").await, 1, "not twice");

    // A form sent with no file chosen: the browser's empty part.
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), &[("", b"")])).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{page}");
    assert!(page.contains("choose at least one transcript"), "{page}");
}

#[tokio::test]
async fn page_uploads_need_a_session_and_its_csrf_token() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let files: &[(&str, &[u8])] = &[("river-log.txt", RIVER_LOG.as_bytes())];

    let read_only = server(dir.path(), None);
    let (s, _, page) = send(&read_only, upload_form(None, Some("x"), files)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(page.contains("read-only"), "{page}");

    let app = server(dir.path(), Some(TOKEN));
    let (s, _, _) = send(&app, upload_form(None, Some("x"), files)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no session");
    let (s, _, _) = send(
        &app,
        upload_form(Some("earshot_session=made-up"), Some("x"), files),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no such session");

    let (cookie, csrf) = login(&app).await;
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some("forged"), files)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a forged CSRF token");
    assert!(page.contains("CSRF"), "{page}");
    let (s, _, _) = send(&app, upload_form(Some(&cookie), None, files)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "no CSRF token");
    let (s, _, _) = send(&app, upload_form(Some(&cookie), Some(""), files)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "an empty CSRF token");

    assert_eq!(hits(&app, "ferries").await, 0, "nothing was ingested");
    assert!(kept_uploads(dir.path()).is_empty(), "nothing was kept");

    // The real token still works, so the refusals above were about the token.
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert_eq!(hits(&app, "ferries").await, 1);
}

#[tokio::test]
async fn hostile_upload_names_are_escaped_and_stay_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let (cookie, csrf) = login(&app).await;
    let second = RIVER_LOG
        .replace("River Log at Vukovar", "River Log at Ilok")
        .replace("ferries at Vukovar", "tugboats at Ilok");
    let third = RIVER_LOG
        .replace("River Log at Vukovar", "River Log at Novi Sad")
        .replace("ferries at Vukovar", "dredgers near Novi Sad");
    let files: &[(&str, &[u8])] = &[
        ("\"><img src=x onerror=alert(1)>.txt", RIVER_LOG.as_bytes()),
        ("../../etc/passwd", second.as_bytes()),
        ("<script>", third.as_bytes()),
        ("<iframe src=x>.bin", STATIC_NOISE),
    ];
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    for raw in ["<img src=x", "<script>", "<iframe", "onerror=alert(1)>"] {
        assert!(!page.contains(raw), "{raw} unescaped:\n{page}");
    }
    for shown in [
        "<code>___img_src_x_onerror_alert_1__.txt</code>",
        "<code>passwd</code>",
        "<code>_script_</code>",
        "<code>_iframe_src_x_.bin</code>",
    ] {
        assert!(page.contains(shown), "{shown}:\n{page}");
    }
    assert!(page.contains("3 of 4 files"), "{page}");

    // Kept as "<8 random hex digits>-<safe name>", directly in the uploads folder.
    let mut kept = kept_uploads(dir.path());
    kept.sort_by(|a, b| a[9..].cmp(&b[9..]));
    let names: Vec<&str> = kept.iter().map(|k| &k[9..]).collect();
    assert_eq!(
        names,
        ["___img_src_x_onerror_alert_1__.txt", "_script_", "passwd"],
        "{kept:?}"
    );
    for k in &kept {
        assert!(dir.path().join("data/uploads").join(k).is_file(), "{k}");
    }
    assert!(!dir.path().join("etc").exists() && !dir.path().join("data/etc").exists());
    for word in ["ferries", "tugboats", "dredgers"] {
        assert_eq!(hits(&app, word).await, 1, "{word}");
    }
}

#[tokio::test]
async fn uploads_up_to_the_upload_limit_reach_the_handler() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let (cookie, csrf) = login(&app).await;
    // Over the 2 MB axum allows by default, under the 32 MiB the upload routes allow.
    let big = vec![0u8; 3 << 20];
    let files: &[(&str, &[u8])] = &[("big.bin", &big)];
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert!(page.contains("cannot read: "), "{page}");
    let (s, _, body) = send(
        &app,
        upload("big.bin", Some(&format!("Bearer {TOKEN}")), &big),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    let huge = vec![0u8; 33 << 20];
    let files: &[(&str, &[u8])] = &[("huge.bin", &huge)];
    let (s, _, page) = send(&app, upload_form(Some(&cookie), Some(&csrf), files)).await;
    assert_eq!(
        s,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        &page[page.len().saturating_sub(600)..]
    );
    assert!(kept_uploads(dir.path()).is_empty());
}

/// A show that names one person in two spellings.
const GREEN_ROOM: &str = "Title: Green Room on the summit
Show: Green Room
Date: 2026-03-09

Lena Vogt (00:00):
Vladimir Putin spoke for an hour. Later Putin took questions, and Putin left early.
";

fn entity_id(list: &str, name: &str) -> Option<i64> {
    json(list)["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .map(|e| e["id"].as_i64().unwrap())
}

fn surfaces(detail: &str) -> Vec<String> {
    json(detail)["surfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["surface"].as_str().unwrap().to_string())
        .collect()
}

/// A server with the token, its archive holding the green-room episode too, and the id of
/// the entity that episode names Vladimir Putin.
async fn writable_server_with_putin(dir: &Path) -> (axum::Router, i64) {
    archive(dir);
    let app = server(dir, Some(TOKEN));
    let bearer = format!("Bearer {TOKEN}");
    let (s, _, body) = send(
        &app,
        upload("green-room.txt", Some(&bearer), GREEN_ROOM.as_bytes()),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, list) = get(&app, "/api/entities").await;
    let putin = entity_id(&list, "Vladimir Putin").expect("Putin is an entity");
    (app, putin)
}

#[tokio::test]
async fn a_spelling_is_split_off_from_the_entity_page() {
    let dir = tempfile::tempdir().unwrap();
    let (app, putin) = writable_server_with_putin(dir.path()).await;
    let (_, detail) = get(&app, &format!("/api/entities/{putin}")).await;
    assert!(
        surfaces(&detail).contains(&"Vladimir Putin".to_string()),
        "{detail}"
    );

    let (_, page) = get(&app, &format!("/entities/{putin}")).await;
    assert!(
        !page.contains("class=\"split\""),
        "no form without a session"
    );
    let (cookie, csrf) = login(&app).await;
    let page = page_as(&app, &format!("/entities/{putin}"), &cookie).await;
    assert!(
        page.contains(&format!(
            "<form method=\"post\" action=\"/entities/{putin}/curate\" class=\"split\">"
        )),
        "{page}"
    );
    assert!(page.contains("<option value=\"Vladimir Putin\">"), "{page}");

    let uri = format!("/entities/{putin}/curate");
    let split = "action=split&surface=Vladimir+Putin&value=Vladimir+Putin+%28in+full%29";
    let (s, _, _) = send(&app, form(&uri, None, &format!("csrf=x&{split}"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no session");
    let (s, _, _) = send(
        &app,
        form(&uri, Some(&cookie), &format!("csrf=forged&{split}")),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a forged CSRF token");
    let (s, _, page) = send(
        &app,
        form(
            &uri,
            Some(&cookie),
            &format!("csrf={csrf}&action=split&surface=Vova&value=X"),
        ),
    )
    .await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "not one of its spellings: {page}"
    );

    let (s, h, _) = send(
        &app,
        form(&uri, Some(&cookie), &format!("csrf={csrf}&{split}")),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, list) = get(&app, "/api/entities").await;
    let full = entity_id(&list, "Vladimir Putin (in full)").expect("the new entity is listed");
    assert_ne!(full, putin);
    assert_eq!(
        h[header::LOCATION].to_str().unwrap(),
        format!("/entities/{full}?done=split"),
        "on to the new entity"
    );
    let (_, detail) = get(&app, &format!("/api/entities/{full}")).await;
    assert_eq!(surfaces(&detail), ["Vladimir Putin"], "{detail}");
    assert_eq!(json(&detail)["mentions"], 1, "{detail}");
    let (_, detail) = get(&app, &format!("/api/entities/{putin}")).await;
    assert_eq!(
        surfaces(&detail),
        ["Putin"],
        "the old one keeps the rest: {detail}"
    );
    let page = page_as(&app, &format!("/entities/{full}?done=split"), &cookie).await;
    assert!(page.contains("Split off"), "{page}");
}

fn split_json(id: i64, auth: Option<&str>, body: serde_json::Value) -> Request<Body> {
    post_json(
        &format!("/api/entities/{id}/split"),
        auth,
        &body.to_string(),
    )
}

#[tokio::test]
async fn a_spelling_is_split_off_through_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let (app, putin) = writable_server_with_putin(dir.path()).await;
    let bearer = format!("Bearer {TOKEN}");

    let body = serde_json::json!({ "surface": "Vladimir Putin", "name": "V. V. Putin" });
    let (s, _, _) = send(&app, split_json(putin, None, body.clone())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, b) = send(
        &app,
        split_json(putin, Some(&bearer), serde_json::json!({ "name": "X" })),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "no spelling: {b}");
    let (s, _, b) = send(
        &app,
        split_json(
            putin,
            Some(&bearer),
            serde_json::json!({ "surface": "Vova" }),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "not one of its spellings: {b}");

    let (s, _, b) = send(&app, split_json(putin, Some(&bearer), body)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(json(&b)["name"], "V. V. Putin");
    assert_eq!(json(&b)["mentions"], 1);
    let (_, detail) = get(&app, &format!("/api/entities/{putin}")).await;
    assert_eq!(surfaces(&detail), ["Putin"], "{detail}");

    let (_, doc) = get(&app, "/api/openapi.json").await;
    let op = &json(&doc)["paths"]["/api/entities/{id}/split"]["post"];
    assert_eq!(
        op["requestBody"]["content"]["application/json"]["schema"]["required"],
        serde_json::json!(["surface"]),
        "{op}"
    );
}

/// How many objects of `value` were checked against `schema` (resolving `$ref`s in `doc`):
/// each has exactly the keys the schema declares, all of them required; arrays are checked
/// item by item; `null` only where the schema allows it, and other values of the declared
/// type.
fn conforms(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    at: &str,
) -> usize {
    let schema = match schema["$ref"].as_str() {
        Some(r) => &doc["components"]["schemas"][r.trim_start_matches("#/components/schemas/")],
        None => schema,
    };
    assert!(schema.is_object(), "{at}: no schema");
    let types: Vec<&str> = match &schema["type"] {
        serde_json::Value::String(t) => vec![t.as_str()],
        serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => vec![],
    };
    let written = match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(n) if n.is_f64() => "number",
        serde_json::Value::Number(_) => "integer",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    };
    assert!(
        types.contains(&written) || (written == "integer" && types.contains(&"number")),
        "{at}: {value} is not of type {types:?}"
    );
    if let Some(properties) = schema["properties"].as_object() {
        let object = value.as_object().unwrap();
        let declared: Vec<_> = properties.keys().collect();
        assert_eq!(object.keys().collect::<Vec<_>>(), declared, "{at}");
        let required: Vec<_> = schema["required"].as_array().unwrap().iter().collect();
        assert_eq!(required, declared, "{at}: keys not required");
        return 1 + properties
            .iter()
            .map(|(k, s)| conforms(doc, s, &object[k], &format!("{at}.{k}")))
            .sum::<usize>();
    }
    match value.as_array() {
        Some(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| conforms(doc, &schema["items"], v, &format!("{at}[{i}]")))
            .sum(),
        None => 0,
    }
}

/// Real answers of the API have exactly the keys, and the types, of the schemas the OpenAPI
/// document gives them: schema and output cannot drift apart.
#[tokio::test]
async fn api_answers_are_what_the_openapi_document_says() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let app = server(dir.path(), Some(TOKEN));
    let bearer = format!("Bearer {TOKEN}");
    let (episode, forecast) = ids(&app).await;
    let (_, list) = get(&app, "/api/entities").await;
    let putin = entity_id(&list, "Vladimir Putin").expect("Putin is an entity");
    let (_, doc) = get(&app, "/api/openapi.json").await;
    let doc = json(&doc);
    let schema = |path: &str, method: &str, status: &str| {
        doc["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
            .clone()
    };

    for (uri, path, least) in [
        ("/api/search?q=putin".to_string(), "/api/search", 3),
        (format!("/api/episodes/{episode}"), "/api/episodes/{id}", 4),
        ("/api/entities".to_string(), "/api/entities", 3),
        (format!("/api/entities/{putin}"), "/api/entities/{id}", 4),
        ("/api/predictions".to_string(), "/api/predictions", 2),
        (
            format!("/api/predictions/{forecast}"),
            "/api/predictions/{id}",
            1,
        ),
    ] {
        let (s, body) = get(&app, &uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}: {body}");
        let checked = conforms(&doc, &schema(path, "get", "200"), &json(&body), &uri);
        assert!(checked >= least, "{uri}: only {checked} objects checked");
    }

    let body = r#"{"outcome": "partly", "note": "in part", "evidence": "https://example.org/x"}"#;
    let (s, _, b) = send(&app, resolve_json(forecast, Some(&bearer), body)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(json(&b)["outcome"], "partly");
    let path = "/api/predictions/{id}/resolve";
    conforms(&doc, &schema(path, "post", "200"), &json(&b), path);

    let (s, _, b) = send(
        &app,
        upload("more.txt", Some(&bearer), NIGHT_DESK.as_bytes()),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    conforms(
        &doc,
        &schema("/api/ingest", "post", "200"),
        &json(&b),
        "ingest",
    );

    let (s, b) = get(&app, "/api/episodes/999999").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let path = "/api/episodes/{id}";
    conforms(&doc, &schema(path, "get", "404"), &json(&b), "404");
}
