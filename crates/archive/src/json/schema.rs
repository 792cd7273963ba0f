//! Schemas of the fields written from the store's enums, whose values come from the enums
//! themselves so the document lists what the code writes.

use earshot_store::{Outcome, Status};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

/// A forecast's status: `open`, `due` or `resolved`.
pub fn status() -> Object {
    let all = [Status::Open, Status::Due, Status::Resolved];
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(
            "`open`, `due` (unresolved and its due day has passed) or `resolved`.",
        ))
        .enum_values(Some(all.map(Status::as_str)))
        .build()
}

/// A forecast's outcome, `null` while it is unresolved.
pub fn outcome() -> Object {
    let values = Outcome::ALL
        .map(|o| serde_json::Value::from(o.as_str()))
        .into_iter()
        .chain([serde_json::Value::Null]);
    ObjectBuilder::new()
        .schema_type(
            [Type::String, Type::Null]
                .into_iter()
                .collect::<utoipa::openapi::schema::SchemaType>(),
        )
        .description(Some("The recorded outcome; `null` while unresolved."))
        .enum_values(Some(values))
        .build()
}
