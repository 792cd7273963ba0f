//! The OpenAPI 3.1 document of the JSON API, derived by utoipa from the handlers'
//! `#[utoipa::path]` attributes and the types they take and answer: a route, a parameter or
//! a key of an answer has one source, the code.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{Modify, OpenApi};

use crate::api;

/// The API's operations; their schemas are collected from what they take and answer.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "earshot",
        description = "A searchable archive of what podcasts say: passages, episodes, the \
                       entities they mention and the forecasts their speakers make."
    ),
    paths(
        api::search,
        api::episode,
        api::entities,
        api::entity,
        api::curate,
        api::split,
        api::predictions,
        api::prediction,
        api::resolve,
        api::ingest,
        api::openapi,
    ),
    modifiers(&Bearer, &EveryKeyWritten),
)]
struct ApiDoc;

/// The bearer token that writes need (`security(("bearer" = []))` on their paths).
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// Every key of an answer is always there, `null` when its value is unknown (the JSON
/// contract): utoipa leaves `Option` fields out of `required`, so this puts every property of
/// every named schema in it. Only answers are named schemas: request bodies are inline.
struct EveryKeyWritten;

impl Modify for EveryKeyWritten {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let Some(components) = doc.components.as_mut() else {
            return;
        };
        for schema in components.schemas.values_mut() {
            if let RefOr::T(Schema::Object(object)) = schema {
                object.required = object.properties.keys().cloned().collect();
            }
        }
    }
}

/// The document served at `/api/openapi.json`.
pub fn document() -> serde_json::Value {
    serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises")
}

#[cfg(test)]
mod tests;
