//! Curating an entity from the pages or the API: rename it, set its kind, merge another
//! entity into it, add a spelling that names it, or split the mentions of one spelling off
//! into an entity of their own. The same operations as `earshot entity`.

use std::sync::Arc;

use earshot_store::EntityRecord;

use crate::{AppError, AppState};

/// The curations, by the name the form and the API path give them.
pub(crate) const ACTIONS: [&str; 5] = ["rename", "kind", "merge", "alias", "split"];

/// One curation of an entity, checked.
#[derive(Debug)]
pub enum Curation {
    /// The new name.
    Rename(String),
    Kind(earshot_extract::Kind),
    /// The name of the entity to merge into this one.
    Merge(String),
    /// A spelling that names it.
    Alias(String),
    /// The mentions spelt `surface` become the entity `name`.
    Split {
        surface: String,
        name: String,
    },
}

impl Curation {
    /// Reads a curation from a form or an API call: `action` is one of [`ACTIONS`]; `value`
    /// is the new name, kind, other entity's name or spelling. A split takes the spelling to
    /// split off as `surface` and the new entity's name as `value` (the spelling itself when
    /// `value` is empty, as `earshot entity split` does without `--name`).
    pub fn parse(action: &str, value: &str, surface: &str) -> Result<Curation, AppError> {
        let value = value.trim();
        if action == "split" {
            let surface = checked(surface, "the spelling to split off")?;
            let name = if value.is_empty() {
                surface.clone()
            } else {
                checked(value, "the new entity's name")?
            };
            return Ok(Curation::Split { surface, name });
        }
        if !ACTIONS.contains(&action) {
            return Err(AppError::NotFound(format!(
                "no curation called {action:?}: rename, kind, merge, alias or split"
            )));
        }
        let value = checked(value, "a value")?;
        Ok(match action {
            "rename" => Curation::Rename(value),
            "kind" => Curation::Kind(value.parse().map_err(AppError::BadRequest)?),
            "merge" => Curation::Merge(value),
            _ => Curation::Alias(value),
        })
    }
}

/// Entity `id` of the archive; 404 when there is none.
pub fn entity_by_id(a: &earshot_archive::Archive, id: i64) -> Result<EntityRecord, AppError> {
    a.catalog()
        .entity(id)?
        .ok_or_else(|| AppError::NotFound(format!("no entity {id}")))
}

/// A value of 1 to 200 characters, trimmed.
fn checked(value: &str, what: &str) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 200 {
        return Err(AppError::BadRequest(format!(
            "give {what} of 1 to 200 characters"
        )));
    }
    Ok(value.to_string())
}

/// Applies `curation` to entity `id`. Returns the entity as it now is: for a split, the new
/// entity.
pub async fn curate(
    state: &Arc<AppState>,
    id: i64,
    curation: Curation,
) -> Result<EntityRecord, AppError> {
    state
        .write(move |st, a| {
            let name = entity_by_id(a, id)?.name;
            let record = match &curation {
                Curation::Rename(new) => a.rename_entity(&name, new)?,
                Curation::Merge(other) => a.merge_entities(&name, other)?,
                Curation::Alias(spelling) => a.add_entity_alias(&name, spelling)?,
                Curation::Kind(kind) => a.set_entity_kind(&name, *kind)?,
                Curation::Split { surface, name: new } => a.split_entity(&name, surface, new)?,
            };
            // Spellings changed: searches must see them.
            st.refresh(a)?;
            Ok(record)
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curations_are_checked_before_the_archive_is_opened() {
        assert!(matches!(
            Curation::parse("explode", "x", ""),
            Err(AppError::NotFound(_))
        ));
        assert!(matches!(
            Curation::parse("kind", "planet", ""),
            Err(AppError::BadRequest(_))
        ));
        assert!(matches!(
            Curation::parse("rename", "  ", ""),
            Err(AppError::BadRequest(_))
        ));
        assert!(matches!(
            Curation::parse("split", "New", " "),
            Err(AppError::BadRequest(_))
        ));
        assert!(matches!(
            Curation::parse("split", "", " Odessa "),
            Ok(Curation::Split { surface, name }) if surface == "Odessa" && name == "Odessa"
        ));
        assert!(matches!(
            Curation::parse("split", "x".repeat(201).as_str(), "Odessa"),
            Err(AppError::BadRequest(_))
        ));
    }
}
