//! Contacts (rosters) through the admin API and the panel's server
//! functions: every status of every endpoint, the rules on subscriptions
//! and groups, authorization, and the cascade when a user is deleted.

use crate::common;

use common::{spawn_app, Auth, Reply, TestApp};
use serde_json::{json, Value};

const USERS: &str = "/api/admin/v1/users";
const READ: &str = "urn:gatehouse:admin:read";

fn contacts(user_id: &str) -> String {
    format!("{USERS}/{user_id}/contacts")
}

fn add(app: &TestApp, token: &str, user_id: &str, body: Value) -> Reply {
    app.post_json(&contacts(user_id), Auth::Bearer(token), &body)
}

fn patch(app: &TestApp, token: &str, path: &str, body: &str) -> Reply {
    app.request(
        "PATCH",
        path,
        Auth::Bearer(token),
        &[("Content-Type", "application/json")],
        Some(body),
    )
}

fn delete(app: &TestApp, token: &str, path: &str) -> Reply {
    app.request("DELETE", path, Auth::Bearer(token), &[], None)
}

/// The error codes of a reply, in order.
fn codes(reply: &Reply) -> Vec<String> {
    reply.json()["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {}", reply.body))
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

fn audit_count(app: &TestApp, action: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE action = $1";
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, i64>(sql).bind(action).fetch_one(pool).await.unwrap()
        })
    })
}

fn rows_in_contacts(app: &TestApp) -> i64 {
    let sql = "SELECT COUNT(*) FROM contacts";
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await.unwrap()
        })
    })
}

#[test]
fn contacts_are_added_listed_changed_and_removed() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    let bob = app.create_user("bob", None, false);
    app.create_user("carol", None, false);
    let named = patch(
        &app,
        &admin,
        &format!("{USERS}/{bob}"),
        r#"{"display_name": "Bob Example"}"#,
    );
    assert_eq!(named.status, 200, "{}", named.body);

    let empty = app.get(&contacts(&alice), Auth::Bearer(&admin));
    assert_eq!(empty.status, 200, "{}", empty.body);
    assert_eq!(empty.json()["meta"]["count"], 0);
    assert_eq!(empty.json()["data"], json!([]));

    // 201 with the resource; its id is the contact's username.
    let created = add(
        &app,
        &admin,
        &alice,
        json!({"contact": " Bob ", "subscription": "both", "groups": [" Friends ", "Work"]}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let doc = created.json();
    assert_eq!(doc["data"]["type"], "contact");
    assert_eq!(doc["data"]["id"], "bob");
    let attributes = &doc["data"]["attributes"];
    assert_eq!(attributes["user_id"], alice.as_str());
    assert_eq!(attributes["contact_id"], bob.as_str());
    assert_eq!(attributes["contact_username"], "bob");
    assert_eq!(attributes["contact_display_name"], "Bob Example");
    assert_eq!(attributes["subscription"], "both");
    assert_eq!(attributes["groups"], json!(["Friends", "Work"]));
    assert!(attributes["created_at"].as_str().unwrap().ends_with('Z'));
    let bob_path = format!("{}/bob", contacts(&alice));
    assert_eq!(doc["data"]["links"]["self"], bob_path.as_str());
    assert_eq!(created.header("location"), Some(bob_path.as_str()));

    // Defaults: subscription none, no groups.
    let carol = add(&app, &admin, &alice, json!({"contact": "carol"}));
    assert_eq!(carol.status, 201, "{}", carol.body);
    assert_eq!(carol.json()["data"]["attributes"]["subscription"], "none");
    assert_eq!(carol.json()["data"]["attributes"]["groups"], json!([]));

    // Listed by username, with meta.count; the other side is untouched.
    let list = app.get(&contacts(&alice), Auth::Bearer(&admin));
    assert_eq!(list.status, 200);
    let list = list.json();
    assert_eq!(list["meta"]["count"], 2);
    let ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bob", "carol"]);
    let bobs = app.get(&contacts(&bob), Auth::Bearer(&admin)).json();
    assert_eq!(bobs["meta"]["count"], 0);

    let one = app.get(&bob_path, Auth::Bearer(&admin));
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["data"]["attributes"]["subscription"], "both");

    // PATCH: what is left out stays.
    let changed = patch(&app, &admin, &bob_path, r#"{"subscription": "to"}"#);
    assert_eq!(changed.status, 200, "{}", changed.body);
    let attributes = &changed.json()["data"]["attributes"];
    assert_eq!(attributes["subscription"], "to");
    assert_eq!(attributes["groups"], json!(["Friends", "Work"]));
    let regrouped = patch(&app, &admin, &bob_path, r#"{"groups": ["Family"]}"#);
    assert_eq!(regrouped.status, 200, "{}", regrouped.body);
    assert_eq!(
        regrouped.json()["data"]["attributes"]["groups"],
        json!(["Family"])
    );
    assert_eq!(regrouped.json()["data"]["attributes"]["subscription"], "to");
    let unchanged = patch(&app, &admin, &bob_path, "{}");
    assert_eq!(unchanged.status, 200);
    assert_eq!(audit_count(&app, "contact.update"), 2);

    // DELETE: 204, then 404.
    assert_eq!(delete(&app, &admin, &bob_path).status, 204);
    let again = delete(&app, &admin, &bob_path);
    assert_eq!(again.status, 404);
    assert_eq!(codes(&again), ["not_found"]);
    assert_eq!(app.get(&bob_path, Auth::Bearer(&admin)).status, 404);
    let list = app.get(&contacts(&alice), Auth::Bearer(&admin)).json();
    assert_eq!(list["meta"]["count"], 1);

    assert_eq!(audit_count(&app, "contact.add"), 2);
    assert_eq!(audit_count(&app, "contact.remove"), 1);
}

#[test]
fn unknown_users_and_contacts_are_404_with_their_own_codes() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    app.create_user("bob", None, false);
    let nobody = "01JD0000000000000000000000";

    let list = app.get(&contacts(nobody), Auth::Bearer(&admin));
    assert_eq!(list.status, 404);
    assert_eq!(codes(&list), ["not_found"]);

    let no_user = add(&app, &admin, nobody, json!({"contact": "bob"}));
    assert_eq!(no_user.status, 404);
    assert_eq!(codes(&no_user), ["not_found"]);

    let no_contact = add(&app, &admin, &alice, json!({"contact": "zed"}));
    assert_eq!(no_contact.status, 404);
    assert_eq!(codes(&no_contact), ["contact_not_found"]);
    assert_eq!(
        no_contact.json()["errors"][0]["source"]["pointer"],
        "/contact"
    );
    assert_ne!(
        no_user.json()["errors"][0]["title"],
        no_contact.json()["errors"][0]["title"]
    );
    let too_long = add(&app, &admin, &alice, json!({"contact": "x".repeat(65)}));
    assert_eq!(codes(&too_long), ["contact_not_found"]);

    // PATCH and DELETE of a username that is not a contact (or no user).
    let absent = format!("{}/bob", contacts(&alice));
    let patched = patch(&app, &admin, &absent, r#"{"subscription": "both"}"#);
    assert_eq!(patched.status, 404);
    assert_eq!(codes(&patched), ["not_found"]);
    assert_eq!(delete(&app, &admin, &absent).status, 404);
    let unknown = format!("{}/nobody-at-all", contacts(&alice));
    assert_eq!(delete(&app, &admin, &unknown).status, 404);
    let no_owner = format!("{}/bob", contacts(nobody));
    assert_eq!(delete(&app, &admin, &no_owner).status, 404);
    assert_eq!(
        patch(&app, &admin, &no_owner, r#"{"subscription": "to"}"#).status,
        404
    );
    assert_eq!(rows_in_contacts(&app), 0);
}

#[test]
fn duplicates_are_409() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    app.create_user("bob", None, false);
    assert_eq!(
        add(&app, &admin, &alice, json!({"contact": "bob"})).status,
        201
    );
    let again = add(
        &app,
        &admin,
        &alice,
        json!({"contact": "bob", "subscription": "both"}),
    );
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(codes(&again), ["contact_exists"]);
    assert_eq!(again.json()["errors"][0]["source"]["pointer"], "/contact");
    // The first entry is unchanged.
    let list = app.get(&contacts(&alice), Auth::Bearer(&admin)).json();
    assert_eq!(list["data"][0]["attributes"]["subscription"], "none");
}

#[test]
fn broken_rules_are_422_one_error_per_field() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    app.create_user("bob", None, false);
    let refused = |body: Value| {
        let reply = add(&app, &admin, &alice, body.clone());
        assert_eq!(reply.status, 422, "{body}: {}", reply.body);
        codes(&reply)
    };
    assert_eq!(refused(json!({"contact": "alice"})), ["contact_is_self"]);
    assert_eq!(refused(json!({"contact": "  "})), ["contact_required"]);
    assert_eq!(
        refused(json!({"contact": "bob", "subscription": "Both"})),
        ["subscription_invalid"]
    );
    assert_eq!(
        refused(json!({"contact": "bob", "subscription": ""})),
        ["subscription_invalid"]
    );
    assert_eq!(
        refused(json!({"contact": "bob", "groups": ["ok", " "]})),
        ["group_invalid"]
    );
    assert_eq!(
        refused(json!({"contact": "bob", "groups": ["x".repeat(65)]})),
        ["group_invalid"]
    );
    assert_eq!(
        refused(json!({"contact": "bob", "groups": ["a,b"]})),
        ["group_invalid"]
    );
    assert_eq!(
        refused(json!({"contact": "bob", "groups": ["Work", " Work "]})),
        ["group_duplicate"]
    );
    let many: Vec<String> = (0..21).map(|i| format!("g{i}")).collect();
    assert_eq!(
        refused(json!({"contact": "bob", "groups": many})),
        ["too_many_groups"]
    );
    // Both fields at fault: both reported, each with its pointer.
    let both = add(
        &app,
        &admin,
        &alice,
        json!({"contact": "bob", "subscription": "all", "groups": [""]}),
    );
    assert_eq!(codes(&both), ["subscription_invalid", "group_invalid"]);
    assert_eq!(both.json()["errors"][1]["source"]["pointer"], "/groups");
    // The limits themselves are fine.
    let twenty: Vec<String> = (0..20).map(|i| format!("g{i}")).collect();
    let mut groups = twenty;
    groups[0] = "é".repeat(64);
    let ok = add(
        &app,
        &admin,
        &alice,
        json!({"contact": "bob", "groups": groups}),
    );
    assert_eq!(ok.status, 201, "{}", ok.body);

    let path = format!("{}/bob", contacts(&alice));
    let bad = patch(&app, &admin, &path, r#"{"subscription": "sometimes"}"#);
    assert_eq!(bad.status, 422);
    assert_eq!(codes(&bad), ["subscription_invalid"]);
    let bad = patch(&app, &admin, &path, r#"{"groups": ["a", "a"]}"#);
    assert_eq!(codes(&bad), ["group_duplicate"]);
    assert_eq!(rows_in_contacts(&app), 1);
}

#[test]
fn malformed_bodies_are_400() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    app.create_user("bob", None, false);
    let post = |body: &str| {
        app.request(
            "POST",
            &contacts(&alice),
            Auth::Bearer(&admin),
            &[("Content-Type", "application/json")],
            Some(body),
        )
    };
    for body in [
        "{",
        "[]",
        "{}",
        r#"{"contact": 7}"#,
        r#"{"contact": "bob", "groups": "Friends"}"#,
        r#"{"contact": "bob", "colour": "red"}"#,
    ] {
        let reply = post(body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(codes(&reply), ["bad_request"]);
    }
    assert_eq!(
        add(&app, &admin, &alice, json!({"contact": "bob"})).status,
        201
    );
    let path = format!("{}/bob", contacts(&alice));
    for body in ["", "{", r#"{"subscription": 1}"#, r#"{"name": "x"}"#] {
        let reply = patch(&app, &admin, &path, body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
    }
}

#[test]
fn only_admins_may_see_or_change_contacts() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    app.create_user("bob", None, false);
    let member = app.token_for(&alice, &[]);
    let admin_id = app.create_user("reader", None, true);
    let read_only = app.token_for(&admin_id, &[READ]);
    assert_eq!(
        add(&app, &admin, &alice, json!({"contact": "bob"})).status,
        201
    );
    let path = format!("{}/bob", contacts(&alice));

    let token = &member;
    assert_eq!(app.get(&contacts(&alice), Auth::Bearer(token)).status, 403);
    assert_eq!(app.get(&path, Auth::Bearer(token)).status, 403);
    let added = add(&app, token, &alice, json!({"contact": "reader"}));
    assert_eq!(added.status, 403);
    assert!(!added.body.contains("data"));
    assert_eq!(
        patch(&app, token, &path, r#"{"subscription": "both"}"#).status,
        403
    );
    assert_eq!(delete(&app, token, &path).status, 403);
    assert_eq!(app.get(&contacts(&alice), Auth::None).status, 401);
    // A read-only token reads, and changes nothing.
    assert_eq!(
        app.get(&contacts(&alice), Auth::Bearer(&read_only)).status,
        200
    );
    let refused = delete(&app, &read_only, &path);
    assert_eq!(refused.status, 403);
    assert_eq!(codes(&refused), ["insufficient_scope"]);
    let refused = add(&app, &read_only, &alice, json!({"contact": "reader"}));
    assert_eq!(codes(&refused), ["insufficient_scope"]);
    assert_eq!(rows_in_contacts(&app), 1);
}

#[test]
fn deleting_a_user_removes_them_from_every_roster_and_their_own() {
    let app = spawn_app();
    let admin = app.admin_token();
    let alice = app.create_user("alice", None, false);
    let bob = app.create_user("bob", None, false);
    let carol = app.create_user("carol", None, false);
    for (owner, contact) in [
        (&alice, "bob"),
        (&alice, "carol"),
        (&carol, "bob"),
        (&bob, "alice"),
    ] {
        let reply = add(&app, &admin, owner, json!({"contact": contact}));
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let deleted = delete(&app, &admin, &format!("{USERS}/{bob}"));
    assert_eq!(deleted.status, 204, "{}", deleted.body);

    let list = app.get(&contacts(&alice), Auth::Bearer(&admin)).json();
    assert_eq!(list["meta"]["count"], 1);
    assert_eq!(list["data"][0]["id"], "carol");
    let list = app.get(&contacts(&carol), Auth::Bearer(&admin)).json();
    assert_eq!(list["meta"]["count"], 0);
    // Bob's own roster went with him.
    assert_eq!(rows_in_contacts(&app), 1);
    assert_eq!(app.get(&contacts(&bob), Auth::Bearer(&admin)).status, 404);
}

#[test]
fn the_panel_suggests_usernames_and_manages_contacts() {
    let app = spawn_app();
    let admin = app.admin_token();
    let owner = app.create_user("owner", None, false);
    for name in ["malice", "alice", "alicia", "bob", "al_x", "alxx"] {
        app.create_user(name, None, false);
    }
    let suggest = |q: &str| -> Vec<String> {
        let reply = app.get(
            &format!("/api/contacts/suggest?q={}", urlencoding::encode(q)),
            Auth::Bearer(&admin),
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    };
    // Prefix matches first, then other matches, each by name.
    assert_eq!(suggest("ali"), ["alice", "alicia", "malice"]);
    // (How `_` sorts among letters depends on PostgreSQL's collation.)
    let mut found = suggest(" AL");
    assert_eq!(found.pop().as_deref(), Some("malice"));
    found.sort();
    assert_eq!(found, ["al_x", "alice", "alicia", "alxx"]);
    // `_` is a character, not a wildcard.
    assert_eq!(suggest("al_"), ["al_x"]);
    assert!(suggest("").is_empty());
    assert!(suggest("%").is_empty());
    for i in 0..12 {
        app.create_user(&format!("many{i:02}"), None, false);
    }
    assert_eq!(suggest("many").len(), 10);
    assert_eq!(suggest("many")[0], "many00");

    // Groups as comma-separated text; field errors per field.
    let form = |endpoint: &str, body: &str| {
        app.post_form(
            &format!("/api/contacts/{endpoint}"),
            Auth::Bearer(&admin),
            &[],
            body,
        )
    };
    let added = form(
        "add",
        &format!("user_id={owner}&contact=alice&subscription=from&groups=Friends%2C+Work%2C"),
    );
    assert!(added.status < 400, "{} {}", added.status, added.body);
    let list = app.get(
        &format!("/api/contacts/list?user_id={owner}"),
        Auth::Bearer(&admin),
    );
    let list: Value = serde_json::from_str(&list.body).unwrap();
    assert_eq!(list[0]["contact_username"], "alice");
    assert_eq!(list[0]["groups"], json!(["Friends", "Work"]));
    assert_eq!(list[0]["subscription"], "from");

    let unknown = form("add", &format!("user_id={owner}&contact=zed&groups="));
    assert_eq!(unknown.status, 404, "{}", unknown.body);
    assert!(
        unknown.body.contains("contact_not_found"),
        "{}",
        unknown.body
    );

    let updated = form(
        "update",
        &format!("user_id={owner}&contact=alice&subscription=both&groups="),
    );
    assert!(updated.status < 400, "{} {}", updated.status, updated.body);
    let entry = app
        .get(&format!("{}/alice", contacts(&owner)), Auth::Bearer(&admin))
        .json();
    assert_eq!(entry["data"]["attributes"]["subscription"], "both");
    assert_eq!(entry["data"]["attributes"]["groups"], json!([]));

    let removed = form("remove", &format!("user_id={owner}&contact=alice"));
    assert!(removed.status < 400, "{} {}", removed.status, removed.body);
    assert_eq!(rows_in_contacts(&app), 0);
}
