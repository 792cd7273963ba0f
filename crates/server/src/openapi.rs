//! The OpenAPI 3.1 document of the JSON API, built from one table of its operations.

use serde_json::{json, Map, Value};

/// One operation: method, path, summary, query parameters, and whether it writes.
struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    query: &'static [&'static str],
    writes: bool,
}

const OPS: &[Op] = &[
    Op {
        method: "get",
        path: "/api/search",
        summary: "Passages matching a query, best first",
        query: &[
            "q", "show", "year", "after", "before", "entity", "speaker", "limit",
        ],
        writes: false,
    },
    Op {
        method: "get",
        path: "/api/episodes/{id}",
        summary: "An episode: metadata, sources, timestamped segments",
        query: &[],
        writes: false,
    },
    Op {
        method: "get",
        path: "/api/entities",
        summary: "Entities, most mentioned first",
        query: &["kind", "show", "limit"],
        writes: false,
    },
    Op {
        method: "get",
        path: "/api/entities/{id}",
        summary: "An entity: spellings, mentions per month, companions, passages",
        query: &[],
        writes: false,
    },
    Op {
        method: "post",
        path: "/api/entities/{id}/{action}",
        summary: "Curate an entity: rename it, set its kind, merge another entity into it, or \
                  add a spelling (needs the bearer token)",
        query: &[],
        writes: true,
    },
    Op {
        method: "post",
        path: "/api/entities/{id}/split",
        summary: "Split the mentions of one spelling off into a new entity, answered with the \
                  new entity (needs the bearer token)",
        query: &[],
        writes: true,
    },
    Op {
        method: "get",
        path: "/api/predictions",
        summary: "Forecasts in the ledger, soonest due first",
        query: &["status", "speaker", "show", "entity", "due_before", "limit"],
        writes: false,
    },
    Op {
        method: "get",
        path: "/api/predictions/{id}",
        summary: "One forecast",
        query: &[],
        writes: false,
    },
    Op {
        method: "post",
        path: "/api/predictions/{id}/resolve",
        summary: "Record a forecast's outcome (needs the bearer token)",
        query: &[],
        writes: true,
    },
    Op {
        method: "post",
        path: "/api/ingest",
        summary: "Upload a transcript (the body is the file; `name` helps tell its layout); it \
                  is kept and ingested, and searchable at once (needs the bearer token; 422 \
                  when no layout reads it)",
        query: &["name"],
        writes: true,
    },
    Op {
        method: "get",
        path: "/api/openapi.json",
        summary: "This document",
        query: &[],
        writes: false,
    },
];

/// The document served at `/api/openapi.json`.
pub fn document() -> Value {
    let mut paths = Map::new();
    for op in OPS {
        let mut params: Vec<Value> = op
            .query
            .iter()
            .map(|q| json!({"name": q, "in": "query", "required": false, "schema": {"type": "string"}}))
            .collect();
        if op.path.contains("{id}") {
            params.push(json!({"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}));
        }
        if op.path.contains("{action}") {
            params.push(json!({"name": "action", "in": "path", "required": true,
                "schema": {"type": "string", "enum": ["rename", "kind", "merge", "alias"]}}));
        }
        let mut operation = json!({
            "summary": op.summary,
            "parameters": params,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {}}},
                "400": {"description": "A bad parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "404": {"description": "No such record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            },
        });
        if op.writes {
            operation["security"] = json!([{"bearer": []}]);
            operation["requestBody"] = if op.path == "/api/ingest" {
                json!({"required": true, "content": {"application/octet-stream": {}}})
            } else if op.path.ends_with("/split") {
                json!({"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["surface"],
                    "properties": {
                        "surface": {"type": "string", "description": "the spelling to split off"},
                        "name": {"type": "string", "description": "the new entity's name; the spelling when left out"},
                    },
                }}}})
            } else if op.path.starts_with("/api/entities") {
                json!({"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["value"],
                    "properties": {"value": {"type": "string"}},
                }}}})
            } else {
                json!({"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["outcome"],
                    "properties": {
                        "outcome": {"type": "string", "enum": ["correct", "incorrect", "partly", "void"]},
                        "note": {"type": "string"},
                        "evidence": {"type": "string", "format": "uri"},
                    },
                }}}})
            };
            operation["responses"]["401"] = json!({"description": "No token, or a wrong one"});
            operation["responses"]["403"] = json!({"description": "The server is read-only"});
        }
        paths
            .entry(op.path)
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .map(|m| m.insert(op.method.into(), operation));
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "earshot", "version": env!("CARGO_PKG_VERSION")},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": {"type": "object", "properties": {"error": {"type": "string"}}}},
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every API route the router serves, read from its source, is in the document: a route
    /// added without an entry here fails this test.
    #[test]
    fn every_api_route_is_described() {
        let doc = document();
        let source = include_str!("lib.rs");
        let mut routes = 0;
        for line in source.lines().map(str::trim) {
            let Some(rest) = line.strip_prefix(".route(\"/api/") else {
                continue;
            };
            let path = format!("/api/{}", rest.split('"').next().unwrap());
            for method in ["get", "post"] {
                if rest.contains(&format!("{method}(")) {
                    routes += 1;
                    assert!(
                        doc["paths"][&path][method].is_object(),
                        "{method} {path} is not in the OpenAPI document"
                    );
                }
            }
        }
        assert!(routes >= 10, "only {routes} API routes found in lib.rs");
    }
}
