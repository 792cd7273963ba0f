//! The pages in a real browser: headless Chromium, driven over WebDriver by chromedriver, both
//! Debian's packages (`apt-get install chromium chromium-driver`, as `.ci/run` does).
//!
//! One test walks what a reader does: search from the overview, follow a hit to its moment in
//! the transcript (the script must highlight and scroll to it), open an entity, read the
//! forecast ledger, then load every page again at phone width. Any console error (a script
//! error, a Content-Security-Policy violation, a failed load) fails it. Screenshots of each page
//! go to `target/browser-artifacts/` for a person to look at.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use axum::http::Method;
use earshot_archive::{Access, Archive, IngestOptions};
use earshot_server::{serve, Config};
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// How long the whole walk may take before the test gives up instead of hanging.
const TEST_TIMEOUT: Duration = Duration::from_secs(120);
/// How long to wait for something the page does by itself (the `#t=` script, a navigation).
const WAIT: Duration = Duration::from_secs(10);

/// The moment the search lands on: 03:20, late enough that the page has to scroll to it.
const MOMENT: u64 = 200;

/// An invented episode: a greeting, a run of listeners' questions (so the transcript is
/// longer than the window), then at 03:20 a segment with known names and a forecast.
fn transcript() -> String {
    let mut t = String::from(
        "Title: Evening Wire on the river repairs
Show: Evening Wire
Date: 2026-04-14

Ines Varga (00:00):
Good evening and welcome to Evening Wire. Tonight we follow the repair crews along the river.

Sam Whitlock (01:05):
The crews worked through the weekend and brought two substations back online.
",
    );
    let speakers = ["Ines Varga", "Sam Whitlock"];
    for i in 0..24u64 {
        let secs = 70 + 5 * i;
        t.push_str(&format!(
            "\n{} ({:02}:{:02}):\nListener {} asked how long the work on street {} would take.\n",
            speakers[(i % 2) as usize],
            secs / 60,
            secs % 60,
            i + 1,
            i + 3,
        ));
    }
    t.push_str(
        "
Ines Varga (03:20):
In Kyiv the city council voted to pay for more repairs, and Vladimir Putin spoke about the talks again. I think the council will open the new bridge to traffic by the summer.
",
    );
    t
}

/// Chromedriver, started on a free port and killed when dropped, even when the test fails.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver and waits until it accepts connections.
    fn start(log: &Path) -> Result<Driver> {
        if !Path::new(CHROMEDRIVER).exists() {
            bail!(
                "{CHROMEDRIVER} is missing: the browser test needs Debian's chromium and \
                 chromium-driver packages (`apt-get install -y chromium chromium-driver`, as \
                 .ci/run does)"
            );
        }
        let port = free_port()?;
        let log = std::fs::File::create(log)?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {CHROMEDRIVER}"))?;
        let mut driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let start = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Some(status) = driver.child.try_wait()? {
                bail!("chromedriver exited at start ({status})");
            }
            ensure!(
                start.elapsed() < WAIT,
                "chromedriver did not listen on {addr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now (the OS picks it; chromedriver binds it a moment later).
fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Where screenshots and chromedriver's log go: `target/browser-artifacts/`.
fn artifacts() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        // A relative target dir is relative to where cargo ran, normally the workspace.
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    };
    target.join("browser-artifacts")
}

/// Builds the archive in `dir/data`, as `earshot ingest` would.
fn archive(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("evening-wire.txt"), transcript()).unwrap();
    let data = dir.join("data");
    let mut a = Archive::open(&data, Access::Write).unwrap();
    let report = a
        .ingest(&[input], &IngestOptions::default(), &mut |_| {})
        .unwrap();
    assert_eq!(report.added, 1, "{:?}", report.rejected);
    data
}

/// Runs the server on its own thread and runtime (it serves until the test process ends) and
/// returns its base URL.
fn start_server(data: PathBuf) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let config = Config { data, token: None };
        let addr = SocketAddr::from(([127, 0, 0, 1], 0));
        let result = rt.block_on(serve(config, addr, |bound| tx.send(bound).unwrap()));
        if let Err(e) = result {
            eprintln!("server stopped: {e:#}");
        }
    });
    let addr = rx
        .recv_timeout(WAIT)
        .expect("the server did not start listening");
    format!("http://{addr}")
}

/// Headless Chromium with a fresh profile, kept off the network (this machine has none, and
/// the background services log errors when they fail to reach it), logging the console.
fn capabilities(profile: &Path) -> Capabilities {
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
    ]
    .map(String::from)
    .into_iter()
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect::<Vec<_>>();
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// Chromedriver's legacy log endpoint: the browser console's entries since the last read.
/// (The W3C protocol has no log command; fantoccini sends this one as written here.)
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// The console's SEVERE entries (errors) since the last read, as "level: message" lines.
async fn console_errors(c: &Client) -> Result<Vec<String>> {
    let entries = c.issue_cmd(BrowserLog).await?;
    let entries = entries
        .as_array()
        .with_context(|| format!("the log is not a list: {entries}"))?;
    Ok(entries
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| format!("{}: {}", e["level"], e["message"]))
        .collect())
}

/// Checks the page has no console errors, and saves a screenshot of it as `name.png`.
async fn check_page(c: &Client, name: &str) -> Result<()> {
    let png = c.screenshot().await?;
    std::fs::write(artifacts().join(format!("{name}.png")), png)?;
    let errors = console_errors(c).await?;
    ensure!(
        errors.is_empty(),
        "console errors on {name} ({}):\n{}",
        c.current_url().await?,
        errors.join("\n")
    );
    Ok(())
}

/// The log reader must see an error, or a clean console would prove nothing.
async fn log_reader_catches_errors(c: &Client) -> Result<()> {
    c.execute("console.error('earshot log self-test')", vec![])
        .await?;
    let errors = console_errors(c).await?;
    ensure!(
        errors.iter().any(|e| e.contains("earshot log self-test")),
        "a deliberate console.error was not read back: {errors:?}"
    );
    Ok(())
}

/// Polls `script` (which returns a boolean) until it is true, or fails with `what`.
async fn wait_until(c: &Client, script: &str, what: &str) -> Result<()> {
    let start = Instant::now();
    loop {
        if c.execute(script, vec![]).await? == Value::Bool(true) {
            return Ok(());
        }
        ensure!(start.elapsed() < WAIT, "timed out waiting: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Fails when the page is wider than the window: something would have to scroll sideways.
async fn no_horizontal_overflow(c: &Client, name: &str) -> Result<()> {
    let sizes = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await?;
    let (Some(scroll), Some(inner)) = (sizes[0].as_f64(), sizes[1].as_f64()) else {
        bail!("no widths from the page: {sizes}");
    };
    // Chromium may refuse a window this narrow; then the check would prove nothing.
    ensure!(
        inner <= 400.0,
        "the window is {inner}px wide, not phone width"
    );
    ensure!(
        scroll <= inner + 1.0,
        "{name} overflows at phone width: {scroll}px of content in a {inner}px window"
    );
    Ok(())
}

/// The reader's walk through the pages; returns the URLs it visited, by name.
async fn walk(c: &Client, base: &str) -> Result<Vec<(&'static str, String)>> {
    let mut visited = Vec::new();

    c.goto(&format!("{base}/")).await?;
    c.wait().for_element(Locator::Css("form.searchbox")).await?;
    check_page(c, "01-overview").await?;
    log_reader_catches_errors(c).await?;
    visited.push(("overview", c.current_url().await?.to_string()));

    // Search as a person does: type into the box and press its button.
    let q = c.find(Locator::Css("form.searchbox input[name=q]")).await?;
    q.send_keys("new bridge").await?;
    c.find(Locator::Css("form.searchbox button"))
        .await?
        .click()
        .await?;
    let hit = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("li.hit a.title"))
        .await
        .context("no search hit for \"new bridge\"")?;
    check_page(c, "02-search").await?;
    visited.push(("search", c.current_url().await?.to_string()));

    // The hit links to its moment; the script highlights that segment and scrolls to it.
    hit.click().await?;
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("ol.transcript"))
        .await?;
    let url = c.current_url().await?;
    ensure!(
        url.path().starts_with("/episodes/") && url.fragment() == Some(&format!("t={MOMENT}")),
        "the hit should link to /episodes/ID#t={MOMENT}, not {url}"
    );
    let seg = format!("document.querySelector('li.seg[data-t=\"{MOMENT}\"]')");
    wait_until(
        c,
        &format!("return {seg} !== null && {seg}.classList.contains('here');"),
        "the segment at the #t= moment to get class `here`",
    )
    .await?;
    wait_until(
        c,
        &format!(
            "var r = {seg}.getBoundingClientRect();
             return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight;"
        ),
        "the page to scroll the moment into view",
    )
    .await?;
    check_page(c, "03-episode").await?;
    visited.push(("episode", url.to_string()));

    // A name in that segment links to its entity, whose page draws a chart.
    c.find(Locator::Css("li.seg.here a.mention"))
        .await
        .context("no linked entity mention in the segment")?
        .click()
        .await?;
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("svg.chart"))
        .await
        .context("no chart on the entity page")?;
    let url = c.current_url().await?;
    ensure!(url.path().starts_with("/entities/"), "not an entity: {url}");
    check_page(c, "04-entity").await?;
    visited.push(("entity", url.to_string()));

    // The forecast made at 03:20 is in the ledger.
    c.goto(&format!("{base}/predictions")).await?;
    let ledger = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("ol.ledger"))
        .await?
        .text()
        .await?;
    ensure!(
        ledger.contains("open the new bridge"),
        "the forecast is not in the ledger:\n{ledger}"
    );
    check_page(c, "05-predictions").await?;
    visited.push(("predictions", c.current_url().await?.to_string()));

    Ok(visited)
}

/// Every page again at a phone's width: nothing may stick out sideways.
async fn at_phone_width(c: &Client, visited: &[(&str, String)]) -> Result<()> {
    c.set_window_size(390, 844).await?;
    for (i, (name, url)) in visited.iter().enumerate() {
        c.goto(url).await?;
        no_horizontal_overflow(c, name).await?;
        check_page(c, &format!("{:02}-phone-{name}", 6 + i)).await?;
    }
    Ok(())
}

#[tokio::test]
async fn a_reader_searches_follows_a_moment_and_reads_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(artifacts()).unwrap();
    let driver =
        Driver::start(&artifacts().join("chromedriver.log")).unwrap_or_else(|e| panic!("{e:#}"));
    let base = start_server(archive(dir.path()));

    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities(&dir.path().join("profile")))
        .connect(&driver.url)
        .await
        .expect("no browser session: see target/browser-artifacts/chromedriver.log");
    // The walk runs as its own task so that even a panic in it comes back here, and the
    // browser is closed: killing chromedriver alone leaves Chromium running.
    let session = client.clone();
    let result = tokio::spawn(tokio::time::timeout(TEST_TIMEOUT, async move {
        let visited = walk(&session, &base).await?;
        at_phone_width(&session, &visited).await
    }))
    .await;
    let _ = tokio::time::timeout(WAIT, client.close()).await;
    drop(driver);
    match result {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(e))) => panic!("{e:#}\n(screenshots in {})", artifacts().display()),
        Ok(Err(_)) => panic!("the browser test took over {TEST_TIMEOUT:?}"),
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}
