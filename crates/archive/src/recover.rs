//! Keeping the index in step with the catalog. Every catalog write logs a change; every index
//! commit records the newest change it holds. After a crash, the changes past that point are
//! replayed: each touched episode is taken out of the index and put back from the catalog.

use std::collections::BTreeSet;

use earshot_index::{EpisodeMeta, IndexWriter};

use crate::ingest::parse_date;
use crate::{Archive, Result};

/// Replays the changes the index has not seen. With no index commit at all, or one ahead of the
/// catalog (a catalog restored from a backup), rebuilds the index whole.
pub(crate) fn catch_up(archive: &mut Archive) -> Result<()> {
    let indexed = archive.index.committed_payload()?;
    let last = archive.catalog.last_change()?;
    match indexed {
        Some(seq) if seq == last => Ok(()),
        Some(seq) if seq < last => {
            let changed: BTreeSet<i64> = archive
                .catalog
                .changes_since(seq)?
                .into_iter()
                .map(|c| c.episode)
                .collect();
            let mut writer = archive.index.writer()?;
            for id in changed {
                reput(archive, &mut writer, id)?;
            }
            archive.commit(&mut writer)
        }
        _ if last == 0 && archive.catalog.episode_ids()?.is_empty() => Ok(()),
        _ => rebuild(archive, &mut |_, _| {}).map(|_| ()),
    }
}

/// True when the index has not caught up with the catalog.
pub(crate) fn is_behind(archive: &Archive) -> Result<bool> {
    let last = archive.catalog.last_change()?;
    Ok(match archive.index.committed_payload()? {
        Some(seq) => seq != last,
        None => last != 0 || !archive.catalog.episode_ids()?.is_empty(),
    })
}

/// Takes an episode out of the index and, if the catalog still has it, puts it back.
fn reput(archive: &Archive, writer: &mut IndexWriter, id: i64) -> Result<()> {
    writer.delete_episode(id);
    let Some(record) = archive.catalog.episode(id)? else {
        return Ok(());
    };
    let segments = archive.catalog.segments(id)?;
    let meta = EpisodeMeta {
        id,
        show: record.show,
        title: record.title.unwrap_or_default(),
        published: record.published.as_deref().and_then(parse_date),
        source: record.primary_source,
    };
    let passages = earshot_text::passages::passages(&segments);
    let tagged =
        crate::entities::passage_entities(&passages, &archive.catalog.episode_mentions(id)?);
    writer.add_episode(&meta, &passages, &tagged)?;
    Ok(())
}

/// Rebuilds the whole index from the catalog; returns the number of episodes indexed.
pub(crate) fn rebuild(archive: &mut Archive, progress: &mut dyn FnMut(u64, u64)) -> Result<u64> {
    let ids = archive.catalog.episode_ids()?;
    let total = ids.len() as u64;
    let mut writer = archive.index.writer()?;
    writer.delete_all()?;
    for (i, id) in ids.into_iter().enumerate() {
        reput(archive, &mut writer, id)?;
        progress(i as u64 + 1, total);
    }
    archive.commit(&mut writer)?;
    Ok(total)
}

/// True when the index holds exactly the catalog's episodes, each with all its passages.
pub(crate) fn is_consistent(archive: &Archive) -> Result<bool> {
    let catalog: Vec<i64> = archive.catalog.episode_ids()?;
    let mut indexed = archive.index.episode_ids()?;
    indexed.sort_unstable();
    if catalog != indexed {
        return Ok(false);
    }
    let mut passages = 0u64;
    for id in &catalog {
        passages += earshot_text::passages::passages(&archive.catalog.segments(*id)?).len() as u64;
    }
    Ok(passages == archive.index.num_passages()?)
}
