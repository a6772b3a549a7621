//! JSON:API-shaped documents.

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::Page;

fn resource<T: Serialize>(kind: &str, id: &str, attributes: &T, self_link: &str) -> Value {
    let mut attributes = serde_json::to_value(attributes).unwrap_or(Value::Null);
    if let Some(map) = attributes.as_object_mut() {
        map.remove("id");
    }
    json!({"type": kind, "id": id, "attributes": attributes, "links": {"self": self_link}})
}

/// `{"data": resource, "links": {"self"}}`.
pub fn resource_document<T: Serialize>(
    kind: &str,
    id: &str,
    attributes: &T,
    self_link: &str,
) -> Value {
    json!({"data": resource(kind, id, attributes, self_link), "links": {"self": self_link}})
}

/// Builds the paging links of a list: the caller supplies the path and the
/// query parameters that are not about paging (filters), already encoded.
pub struct ListLinks<'a> {
    pub path: &'a str,
    pub filters: &'a str,
    pub self_query: &'a str,
    pub page_size: u32,
}

impl ListLinks<'_> {
    fn link(&self, paging: &str) -> String {
        let mut query = self.filters.to_owned();
        if !paging.is_empty() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(paging);
        }
        if query.is_empty() {
            self.path.to_owned()
        } else {
            format!("{}?{}", self.path, query)
        }
    }
}

/// `{"meta": {"count"}, "data": [...], "links": {...}}`; `meta.count` only
/// when counted, `next`/`prev` only when such a page exists.
pub fn list_document<T: Serialize>(
    kind: &str,
    page: &Page<T>,
    id_of: impl Fn(&T) -> &str,
    links: &ListLinks,
) -> Value {
    let data: Vec<Value> = page
        .items
        .iter()
        .map(|item| {
            let id = id_of(item);
            resource(kind, id, item, &format!("{}/{}", links.path, id))
        })
        .collect();
    let n = links.page_size;
    let self_link = if links.self_query.is_empty() {
        links.path.to_owned()
    } else {
        format!("{}?{}", links.path, links.self_query)
    };
    let mut link_map = json!({
        "self": self_link,
        "first": links.link(&format!("page[first]={n}")),
        "last": links.link(&format!("page[last]={n}")),
    });
    if let Some(after) = &page.next_cursor {
        link_map["next"] = json!(links.link(&format!("page[after]={after}&page[first]={n}")));
    }
    if let Some(before) = &page.prev_cursor {
        link_map["prev"] = json!(links.link(&format!("page[before]={before}&page[last]={n}")));
    }
    let mut doc = json!({"data": data, "links": link_map});
    if let Some(count) = page.count {
        doc["meta"] = json!({"count": count});
    }
    doc
}
