//! One table for every list page: columns (label, cell, optional sort
//! link), each cell labelled for the narrow-screen card layout
//! (`data-label`), caption, count, empty state, row selection and pager.

use std::sync::Arc;

use crate::t;

use leptos::{
    attr::{any_attribute::AnyAttribute, custom::custom_attribute},
    prelude::*,
};

/// A value computed from one row.
pub type RowFn<Row, T> = Arc<dyn Fn(&Row) -> T + Send + Sync>;

/// Selects (true) or deselects rows.
pub type SelectRows<Row> = Arc<dyn Fn(&[Row], bool) + Send + Sync>;

/// Which way a sorted column runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDir {
    Ascending,
    Descending,
}

/// The header link of a sortable column.
#[derive(Clone, Debug)]
pub struct SortLink {
    /// The page sorted by this column (the other way when it already is).
    pub href: String,
    /// `data-sort` of the link.
    pub key: &'static str,
    /// Set when the list is sorted by this column.
    pub active: Option<SortDir>,
}

/// One column: its header and how a row fills its cell.
pub struct Column<Row> {
    label: Arc<str>,
    hide_label: bool,
    key: Option<&'static str>,
    class: Option<&'static str>,
    row_header: bool,
    sort: Option<SortLink>,
    cell: RowFn<Row, AnyView>,
}

impl<Row> Clone for Column<Row> {
    fn clone(&self) -> Self {
        Self {
            label: self.label.clone(),
            hide_label: self.hide_label,
            key: self.key,
            class: self.class,
            row_header: self.row_header,
            sort: self.sort.clone(),
            cell: self.cell.clone(),
        }
    }
}

impl<Row: 'static> Column<Row> {
    /// `label`: the header's text (a translated message, usually).
    pub fn new<V>(
        label: impl Into<Arc<str>>,
        cell: impl Fn(&Row) -> V + Send + Sync + 'static,
    ) -> Self
    where
        V: IntoView + 'static,
    {
        Self {
            label: label.into(),
            hide_label: false,
            key: None,
            class: None,
            row_header: false,
            sort: None,
            cell: Arc::new(move |row| cell(row).into_any()),
        }
    }

    /// The buttons of a row, under a header only screen readers hear.
    pub fn actions<V>(cell: impl Fn(&Row) -> V + Send + Sync + 'static) -> Self
    where
        V: IntoView + 'static,
    {
        Self {
            hide_label: true,
            ..Self::new(t!("common-actions"), cell)
        }
    }

    /// `data-col` of the cells (columns a person may show or hide).
    pub fn key(mut self, key: &'static str) -> Self {
        self.key = Some(key);
        self
    }

    /// A class on the header and the cells (`num` aligns figures).
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    /// The cells name their row (`<th scope="row">`).
    pub fn row_header(mut self) -> Self {
        self.row_header = true;
        self
    }

    pub fn sort(mut self, link: SortLink) -> Self {
        self.sort = Some(link);
        self
    }

    fn header(&self) -> AnyView {
        let label = if self.hide_label {
            view! { <span class="sr-only">{self.label.to_string()}</span> }.into_any()
        } else {
            self.label.to_string().into_any()
        };
        let Some(sort) = self.sort.clone() else {
            return view! { <th scope="col" class=self.class>{label}</th> }.into_any();
        };
        let (aria, arrow) = match sort.active {
            None => (None, "↕"),
            Some(SortDir::Ascending) => (Some("ascending"), "▲"),
            Some(SortDir::Descending) => (Some("descending"), "▼"),
        };
        let class = match self.class {
            Some(c) => format!("sortable {c}"),
            None => "sortable".to_owned(),
        };
        view! {
            <th scope="col" aria-sort=aria class=class>
                <a href=sort.href data-sort=sort.key>
                    {label}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </a>
            </th>
        }
        .into_any()
    }

    fn cell(&self, row: &Row) -> AnyView {
        let content = (self.cell)(row);
        if self.row_header {
            view! { <th scope="row" data-label=self.label.to_string() class=self.class>{content}</th> }
                .into_any()
        } else {
            view! { <td data-label=self.label.to_string() data-col=self.key class=self.class>{content}</td> }
                .into_any()
        }
    }
}

/// Check boxes in front of the rows, and one for the whole page.
pub struct RowSelection<Row> {
    /// The label of the page's box, e.g. "Select all users on this page".
    pub all_label: String,
    /// The label of a row's box.
    pub label: RowFn<Row, String>,
    /// Whether a row is selected (read reactively).
    pub is_selected: RowFn<Row, bool>,
    pub set: SelectRows<Row>,
}

impl<Row> Clone for RowSelection<Row> {
    fn clone(&self) -> Self {
        Self {
            all_label: self.all_label.clone(),
            label: self.label.clone(),
            is_selected: self.is_selected.clone(),
            set: self.set.clone(),
        }
    }
}

/// How rows carry attributes of their own.
#[derive(Clone)]
struct RowLook<Row> {
    testid: Option<&'static str>,
    class: Option<RowFn<Row, String>>,
    data: Option<RowFn<Row, Vec<(&'static str, String)>>>,
}

#[component]
pub fn DataTable<Row>(
    rows: Vec<Row>,
    columns: Vec<Column<Row>>,
    /// Names the table for screen readers.
    #[prop(into)]
    caption: String,
    /// `data-testid` of the table.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// Classes besides `data`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// `data-testid` of each row.
    #[prop(optional)]
    row_testid: Option<&'static str>,
    /// Classes of a row (besides `selected`).
    #[prop(optional)]
    row_class: Option<RowFn<Row, String>>,
    /// `data-*` attributes of a row: (name, value).
    #[prop(optional)]
    row_data: Option<RowFn<Row, Vec<(&'static str, String)>>>,
    /// A stable key per row: rows that stay keep their elements (and
    /// focus) when the list is read again.
    #[prop(optional)]
    key: Option<RowFn<Row, String>>,
    #[prop(optional)] selection: Option<RowSelection<Row>>,
    /// A line above the table (`data-testid`, text), e.g. "3 users".
    #[prop(optional)]
    summary: Option<(&'static str, String)>,
    /// Shown instead of the table when there are no rows.
    #[prop(optional, into)]
    empty: Option<String>,
    /// `data-testid` of the empty-state line.
    #[prop(optional)]
    empty_testid: Option<&'static str>,
    /// Page links under the table.
    #[prop(optional_no_strip)]
    pager: Option<AnyView>,
) -> impl IntoView
where
    Row: Clone + Send + Sync + 'static,
{
    let summary = summary.map(|(testid, text)| {
        view! { <p class="summary" aria-live="polite" data-testid=testid>{text}</p> }
    });
    let body = if rows.is_empty() && empty.is_some() {
        view! { <p class="empty" data-testid=empty_testid>{empty}</p> }.into_any()
    } else {
        let columns: Arc<[Column<Row>]> = columns.into();
        let head = columns.iter().map(Column::header).collect_view();
        let select_all = selection.clone().map(|s| select_all_box(s, rows.clone()));
        let look = RowLook {
            testid: row_testid,
            class: row_class,
            data: row_data,
        };
        let row_view = move |row: Row| table_row(&columns, &look, selection.as_ref(), row);
        let body = match key {
            Some(key) => view! {
                <For each=move || rows.clone() key=move |row| key(row) children=row_view.clone()/>
            }
            .into_any(),
            None => rows.into_iter().map(row_view).collect_view().into_any(),
        };
        let class = match class {
            Some(c) => format!("data {c}"),
            None => "data".to_owned(),
        };
        view! {
            <div class="table-wrap">
                <table class=class data-testid=testid>
                    <caption class="sr-only">{caption}</caption>
                    <thead><tr>{select_all}{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { {summary}{body}{pager} }
}

fn select_all_box<Row>(selection: RowSelection<Row>, rows: Vec<Row>) -> AnyView
where
    Row: Clone + Send + Sync + 'static,
{
    let rows = Arc::new(rows);
    let all = {
        let (rows, is_selected) = (rows.clone(), selection.is_selected.clone());
        move || !rows.is_empty() && rows.iter().all(|r| is_selected(r))
    };
    let set = selection.set.clone();
    view! {
        <th scope="col" class="select">
            <input type="checkbox" aria-label=selection.all_label prop:checked=all
                on:change=move |ev| set(&rows, event_target_checked(&ev))/>
        </th>
    }
    .into_any()
}

fn table_row<Row>(
    columns: &[Column<Row>],
    look: &RowLook<Row>,
    selection: Option<&RowSelection<Row>>,
    row: Row,
) -> AnyView
where
    Row: Clone + Send + Sync + 'static,
{
    let cells = columns.iter().map(|c| c.cell(&row)).collect_view();
    let attrs: Vec<AnyAttribute> = look
        .data
        .as_ref()
        .map(|data| data(&row))
        .unwrap_or_default()
        .into_iter()
        .map(|(name, value)| custom_attribute(name, value).into_any_attr())
        .collect();
    let own_class = look
        .class
        .as_ref()
        .map(|class| class(&row))
        .filter(|class| !class.is_empty());
    let Some(selection) = selection else {
        return view! { <tr data-testid=look.testid class={own_class} {..attrs}>{cells}</tr> }
            .into_any();
    };
    let checked = {
        let (row, is_selected) = (row.clone(), selection.is_selected.clone());
        move || is_selected(&row)
    };
    let class = {
        let checked = checked.clone();
        move || {
            let mut classes: Vec<&str> = own_class.iter().map(String::as_str).collect();
            if checked() {
                classes.push("selected");
            }
            (!classes.is_empty()).then(|| classes.join(" "))
        }
    };
    let (label, set) = ((selection.label)(&row), selection.set.clone());
    view! {
        <tr data-testid=look.testid class={class} {..attrs}>
            <td class="select">
                <input type="checkbox" aria-label=label prop:checked=checked
                    on:change=move |ev| set(std::slice::from_ref(&row), event_target_checked(&ev))/>
            </td>
            {cells}
        </tr>
    }
    .into_any()
}
