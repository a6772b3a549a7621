//! JSON:API-shaped documents, serialized straight from typed values (no
//! intermediate `serde_json::Value` trees: lists are on the hot path).

use serde::Serialize;

use crate::model::Page;

/// Something the API exposes as a JSON:API resource.
pub trait Resource {
    const TYPE: &'static str;
    type Attributes<'a>: Serialize
    where
        Self: 'a;
    fn id(&self) -> &str;
    fn attributes(&self) -> Self::Attributes<'_>;
}

/// Implements [`Resource`] for a model: its `type`, the field that is its
/// id, and its attributes as read from the model (`$item`).
macro_rules! resource {
    ($model:ty, $kind:literal, id = $id:ident, $attributes:ident, |$item:ident| $read:expr) => {
        impl $crate::server::rest::Resource for $model {
            const TYPE: &'static str = $kind;
            type Attributes<'a> = $attributes<'a>;

            fn id(&self) -> &str {
                &self.$id
            }

            fn attributes(&self) -> $attributes<'_> {
                let $item = self;
                $read
            }
        }
    };
}
pub(crate) use resource;

#[derive(Serialize)]
struct SelfLink {
    #[serde(rename = "self")]
    self_: String,
}

#[derive(Serialize)]
pub struct ResourceObject<'a, A> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    attributes: A,
    links: SelfLink,
}

fn object<'a, R: Resource>(
    item: &'a R,
    collection_path: &str,
) -> ResourceObject<'a, R::Attributes<'a>> {
    ResourceObject {
        kind: R::TYPE,
        id: item.id(),
        attributes: item.attributes(),
        links: SelfLink {
            self_: format!("{collection_path}/{}", item.id()),
        },
    }
}

/// `{"data": resource, "links": {"self"}}`.
#[derive(Serialize)]
pub struct SingleDocument<'a, A> {
    data: ResourceObject<'a, A>,
    links: SelfLink,
}

pub fn resource_document<'a, R: Resource>(
    item: &'a R,
    collection_path: &str,
) -> SingleDocument<'a, R::Attributes<'a>> {
    let data = object(item, collection_path);
    let links = SelfLink {
        self_: data.links.self_.clone(),
    };
    SingleDocument { data, links }
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

#[derive(Serialize)]
struct PageLinks {
    #[serde(rename = "self")]
    self_: String,
    first: String,
    last: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<String>,
}

#[derive(Serialize)]
struct Meta {
    count: u64,
}

/// `{"meta": {"count"}, "data": [...], "links": {...}}`; `meta.count` only
/// when counted, `next`/`prev` only when such a page exists.
#[derive(Serialize)]
pub struct ListDocument<'a, A> {
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
    data: Vec<ResourceObject<'a, A>>,
    links: PageLinks,
}

pub fn list_document<'a, R: Resource>(
    page: &'a Page<R>,
    links: &ListLinks,
) -> ListDocument<'a, R::Attributes<'a>> {
    let n = links.page_size;
    let self_ = if links.self_query.is_empty() {
        links.path.to_owned()
    } else {
        format!("{}?{}", links.path, links.self_query)
    };
    ListDocument {
        meta: page.count.map(|count| Meta { count }),
        data: page
            .items
            .iter()
            .map(|item| object(item, links.path))
            .collect(),
        links: PageLinks {
            self_,
            first: links.link(&format!("page[first]={n}")),
            last: links.link(&format!("page[last]={n}")),
            next: page
                .next_cursor
                .as_ref()
                .map(|after| links.link(&format!("page[after]={after}&page[first]={n}"))),
            prev: page
                .prev_cursor
                .as_ref()
                .map(|before| links.link(&format!("page[before]={before}&page[last]={n}"))),
        },
    }
}

/// A whole small collection (tokens, clients, allow-list) in list shape:
/// one page that is also the first and last.
#[derive(Serialize)]
pub struct CollectionDocument<'a, A> {
    meta: Meta,
    data: Vec<ResourceObject<'a, A>>,
    links: PageLinks,
}

pub fn collection_document<'a, R: Resource>(
    items: &'a [R],
    path: &str,
) -> CollectionDocument<'a, R::Attributes<'a>> {
    CollectionDocument {
        meta: Meta {
            count: items.len() as u64,
        },
        data: items.iter().map(|item| object(item, path)).collect(),
        links: PageLinks {
            self_: path.to_owned(),
            first: path.to_owned(),
            last: path.to_owned(),
            next: None,
            prev: None,
        },
    }
}

/// A single resource with a one-time value in `meta` (a new secret).
#[derive(Serialize)]
pub struct CreatedDocument<'a, A, M> {
    #[serde(flatten)]
    document: SingleDocument<'a, A>,
    meta: M,
}

pub fn created_document<'a, R: Resource, M: Serialize>(
    item: &'a R,
    collection_path: &str,
    meta: M,
) -> CreatedDocument<'a, R::Attributes<'a>, M> {
    CreatedDocument {
        document: resource_document(item, collection_path),
        meta,
    }
}
