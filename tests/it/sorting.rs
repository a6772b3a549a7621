//! Sorted lists: every `sort=` order, paged forwards and backwards with
//! cursors, must give exactly the full list in that order (ties by id).

use crate::common;

use common::{spawn_app, Auth, TestApp};
use serde_json::Value;

const USERS: &str = "/api/admin/v1/users";
const SORTS: [&str; 8] = [
    "username",
    "-username",
    "created_at",
    "-created_at",
    "last_seen_at",
    "-last_seen_at",
    "id",
    "-id",
];

fn attrs(doc: &Value) -> Vec<Value> {
    doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut a = r["attributes"].clone();
            a["id"] = r["id"].clone();
            a
        })
        .collect()
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The sort key of a row as a comparable string ("never seen" first).
fn key(row: &Value, sort: &str) -> String {
    let field = sort.trim_start_matches('-');
    match row[field].as_str() {
        Some(v) => v.to_owned(),
        None => String::new(),
    }
}

fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let reply = app.get(&format!("{USERS}?{query}"), Auth::Bearer(token));
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    reply.json()
}

fn cursor(doc: &Value, rel: &str, param: &str) -> Option<String> {
    let link = doc["links"][rel].as_str()?;
    let (_, rest) = link.split_once(&format!("{param}="))?;
    Some(rest.split('&').next().unwrap().to_owned())
}

fn seed(app: &TestApp) -> String {
    let token = app.admin_token();
    for (i, name) in [
        "mallory", "alice", "zed", "bob", "carol", "dave", "erin", "frank", "grace",
    ]
    .into_iter()
    .enumerate()
    {
        let id = app.create_user(name, Some("seen-password-1"), false);
        // Some log in (which records activity), some never do.
        if i % 3 != 0 {
            let r = app.get(USERS, Auth::Basic(name, "seen-password-1"));
            assert_eq!(r.status, 403);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let _ = id;
    }
    // Activity is recorded in the background.
    std::thread::sleep(std::time::Duration::from_millis(300));
    token
}

#[test]
fn every_sort_pages_forwards_and_backwards_in_order() {
    let app = spawn_app();
    let token = seed(&app);
    for sort in SORTS {
        let all = attrs(&page(
            &app,
            &token,
            &format!("sort={sort}&page[first]=1000"),
        ));
        assert_eq!(all.len(), 10, "{sort}");
        // The full list is in the order asked for. Times are shown to the
        // second, so only their order (not the id tie-break) is visible here.
        for pair in all.windows(2) {
            let (a, b) = (key(&pair[0], sort), key(&pair[1], sort));
            let ordered = if sort.starts_with('-') {
                a >= b
            } else {
                a <= b
            };
            assert!(ordered, "order of {sort}: {a} then {b}");
        }

        // Forwards, three at a time.
        let mut forwards = Vec::new();
        let mut doc = page(&app, &token, &format!("sort={sort}&page[first]=3"));
        loop {
            forwards.extend(attrs(&doc));
            match cursor(&doc, "next", "page[after]") {
                Some(after) => {
                    doc = page(
                        &app,
                        &token,
                        &format!("sort={sort}&page[first]=3&page[after]={after}"),
                    )
                }
                None => break,
            }
        }
        assert_eq!(ids(&forwards), ids(&all), "forwards under {sort}");

        // Backwards from the end, three at a time.
        let mut backwards: Vec<Value> = Vec::new();
        let mut doc = page(&app, &token, &format!("sort={sort}&page[last]=3"));
        loop {
            let mut chunk = attrs(&doc);
            chunk.extend(backwards);
            backwards = chunk;
            match cursor(&doc, "prev", "page[before]") {
                Some(before) => {
                    doc = page(
                        &app,
                        &token,
                        &format!("sort={sort}&page[last]=3&page[before]={before}"),
                    )
                }
                None => break,
            }
        }
        assert_eq!(ids(&backwards), ids(&all), "backwards under {sort}");
    }
}

#[test]
fn sorted_lists_keep_filters_and_refuse_foreign_cursors() {
    let app = spawn_app();
    let token = seed(&app);
    // Never seen first when ascending by activity, and the dormant filter
    // (not seen since a time) includes them.
    let all = attrs(&page(&app, &token, "sort=last_seen_at&page[first]=100"));
    assert!(all[0]["last_seen_at"].is_null());
    let dormant = attrs(&page(
        &app,
        &token,
        "sort=-username&filter[last_seen_before]=2000-01-01T00:00:00Z",
    ));
    assert!(dormant.iter().all(|r| r["last_seen_at"].is_null()));
    let names: Vec<&str> = dormant
        .iter()
        .map(|r| r["username"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, sorted);

    // A cursor made under one order is refused under another.
    let doc = page(&app, &token, "sort=username&page[first]=2");
    let after = cursor(&doc, "next", "page[after]").unwrap();
    let reply = app.get(
        &format!("{USERS}?sort=created_at&page[after]={after}"),
        Auth::Bearer(&token),
    );
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["errors"][0]["source"]["parameter"],
        "page[after]"
    );
    let reply = app.get(&format!("{USERS}?sort=email"), Auth::Bearer(&token));
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["errors"][0]["source"]["parameter"], "sort");
    // The links keep the sort.
    assert!(doc["links"]["next"]
        .as_str()
        .unwrap()
        .contains("sort=username"));
}
