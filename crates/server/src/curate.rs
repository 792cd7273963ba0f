//! Curating an entity from the pages or the API: rename it, set its kind, merge another
//! entity into it, or add a spelling that names it. The same operations as `earshot entity`.

use std::sync::Arc;

use earshot_store::EntityRecord;

use crate::{AppError, AppState};

/// One curation of entity `id`: `action` is `rename`, `kind`, `merge` (`value` is merged into
/// it) or `alias`; `value` is the new name, kind, other entity's name, or spelling.
pub async fn curate(
    state: &Arc<AppState>,
    id: i64,
    action: &str,
    value: &str,
) -> Result<EntityRecord, AppError> {
    let value = value.trim().to_string();
    if value.is_empty() || value.chars().count() > 200 {
        return Err(AppError::BadRequest(
            "give a value of 1 to 200 characters".into(),
        ));
    }
    let kind = match action {
        "kind" => Some(
            value
                .parse::<earshot_extract::Kind>()
                .map_err(AppError::BadRequest)?,
        ),
        "rename" | "merge" | "alias" => None,
        other => {
            return Err(AppError::NotFound(format!(
                "no curation called {other:?}: rename, kind, merge or alias"
            )))
        }
    };
    let action = action.to_string();
    state
        .write(move |st, a| {
            let name = a
                .catalog()
                .entity(id)?
                .ok_or_else(|| AppError::NotFound(format!("no entity {id}")))?
                .name;
            let record = match (action.as_str(), kind) {
                ("rename", _) => a.rename_entity(&name, &value)?,
                ("merge", _) => a.merge_entities(&name, &value)?,
                ("alias", _) => a.add_entity_alias(&name, &value)?,
                (_, Some(kind)) => a.set_entity_kind(&name, kind)?,
                _ => unreachable!("checked above"),
            };
            // Spellings changed: searches must see them.
            st.refresh(a)?;
            Ok(record)
        })
        .await
}
