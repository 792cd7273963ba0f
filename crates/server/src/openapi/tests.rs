//! The document against the router and against itself. That real answers have exactly the
//! keys their schemas declare is checked over HTTP, in `tests/http.rs`.

use serde_json::Value;

use super::document;

/// The API routes the router serves, as (method, path), read from `lib.rs`.
fn routes() -> Vec<(&'static str, String)> {
    let mut routes = Vec::new();
    for line in include_str!("../lib.rs").lines().map(str::trim) {
        let Some(rest) = line.strip_prefix(".route(\"/api/") else {
            continue;
        };
        let path = format!("/api/{}", rest.split('"').next().unwrap());
        for method in ["get", "post"] {
            if rest.contains(&format!("{method}(")) {
                routes.push((method, path.clone()));
            }
        }
    }
    routes
}

/// Every API route the router serves, read from its source, is in the document, and the
/// document describes no other: a handler routed without its `#[utoipa::path]` in
/// `ApiDoc`'s list, or a path that differs from its route, fails this test.
#[test]
fn every_api_route_is_described() {
    let doc = document();
    let routes = routes();
    assert!(routes.len() >= 11, "only {} API routes found", routes.len());
    for (method, path) in &routes {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} is not in the OpenAPI document"
        );
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            assert!(
                routes.iter().any(|(m, p)| m == method && p == path),
                "{method} {path} is described but not routed"
            );
        }
    }
}

/// The schema a `$ref` names.
fn component<'a>(doc: &'a Value, reference: &Value) -> &'a Value {
    let name = reference
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .unwrap_or_else(|| panic!("not a schema reference: {reference}"));
    let schema = &doc["components"]["schemas"][name];
    assert!(schema.is_object(), "no schema {name}");
    schema
}

/// The reads answer with a named schema of an object with properties, not an empty content.
#[test]
fn the_reads_answer_with_a_schema() {
    let doc = document();
    for path in [
        "/api/search",
        "/api/episodes/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/predictions",
        "/api/predictions/{id}",
    ] {
        let ok = &doc["paths"][path]["get"]["responses"]["200"];
        let schema = component(&doc, &ok["content"]["application/json"]["schema"]["$ref"]);
        assert_eq!(schema["type"], "object", "{path}");
        assert!(
            !schema["properties"].as_object().unwrap().is_empty(),
            "{path}: {schema}"
        );
        let missing = &doc["paths"][path]["get"]["responses"]["404"];
        if missing.is_object() {
            let error = component(
                &doc,
                &missing["content"]["application/json"]["schema"]["$ref"],
            );
            assert_eq!(error["properties"]["error"]["type"], "string");
        }
    }
}

/// Writes need the bearer token and say so; their bodies are described inline, so the named
/// schemas are answers only (which `EveryKeyWritten` relies on).
#[test]
fn writes_need_the_bearer_token() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let mut writes = 0;
    for (method, path) in routes().into_iter().filter(|(m, _)| *m == "post") {
        writes += 1;
        let op = &doc["paths"][&path][method];
        assert_eq!(
            op["security"],
            serde_json::json!([{"bearer": []}]),
            "{path}"
        );
        for status in ["200", "401", "403", "413"] {
            assert!(op["responses"][status].is_object(), "{path}: no {status}");
        }
        let body = &op["requestBody"]["content"];
        assert!(body.is_object(), "{path}: no request body");
        assert!(!body.to_string().contains("$ref"), "{path}: {body}");
    }
    assert_eq!(writes, 4);
    assert!(doc["paths"]["/api/ingest"]["post"]["responses"]["422"].is_object());
    for body in ["CurateBody", "SplitBody", "ResolveBody"] {
        assert!(doc["components"]["schemas"][body].is_null(), "{body}");
    }
}

/// Answers declare every key required: none is ever left out.
#[test]
fn every_key_of_an_answer_is_required() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Hit",
        "Episode",
        "Segment",
        "EntityDetail",
        "Prediction",
        "Error",
    ] {
        let schema = &schemas[name];
        let keys: Vec<_> = schema["properties"].as_object().unwrap().keys().collect();
        let required: Vec<_> = schema["required"].as_array().unwrap().iter().collect();
        assert_eq!(keys, required, "{name}");
    }
    // Unknown values are null, and the schema allows it.
    assert_eq!(
        schemas["Hit"]["properties"]["speaker"]["type"],
        serde_json::json!(["string", "null"])
    );
}

/// The actions the document lists for `/api/entities/{id}/{action}` are the curations the
/// handler takes, less `split`, which has its own path.
#[test]
fn the_curate_actions_are_the_handlers() {
    let doc = document();
    let params = &doc["paths"]["/api/entities/{id}/{action}"]["post"]["parameters"];
    let action = &params.as_array().unwrap()[1]["schema"]["enum"];
    let listed: Vec<&str> = action
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    let taken: Vec<&str> = crate::curate::ACTIONS
        .into_iter()
        .filter(|a| *a != "split")
        .collect();
    assert_eq!(listed, taken);
}

/// Every `$ref` in the document names a schema it holds.
#[test]
fn every_reference_resolves() {
    fn walk(doc: &Value, v: &Value, refs: &mut usize) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref") {
                    component(doc, r);
                    *refs += 1;
                }
                m.values().for_each(|v| walk(doc, v, refs));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(doc, v, refs)),
            _ => {}
        }
    }
    let doc = document();
    let mut refs = 0;
    walk(&doc, &doc, &mut refs);
    assert!(refs > 40, "only {refs} references");
}
