//! Organisations through the admin API and the panel's server functions:
//! every status of every endpoint, members with roles and paging, joining at
//! creation (`org_id`, the default organisation), `filter[org]`, and the
//! cascades when an organisation or a user goes.

use crate::common;

use common::{spawn_app, spawn_app_with, Auth, Reply, TestApp};
use gatehouse::server::config::DefaultOrg;
use serde_json::{json, Value};

const ORGS: &str = "/api/admin/v1/orgs";
const USERS: &str = "/api/admin/v1/users";
const READ: &str = "urn:gatehouse:admin:read";

fn codes(reply: &Reply) -> Vec<String> {
    reply.json()["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {}", reply.body))
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

fn send(app: &TestApp, method: &str, token: &str, path: &str, body: Option<Value>) -> Reply {
    let body = body.map(|b| b.to_string());
    let headers: &[(&str, &str)] = if body.is_some() {
        &[("Content-Type", "application/json")]
    } else {
        &[]
    };
    app.request(method, path, Auth::Bearer(token), headers, body.as_deref())
}

fn create_org(app: &TestApp, token: &str, name: &str) -> String {
    let reply = app.post_json(ORGS, Auth::Bearer(token), &json!({"name": name}));
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()["data"]["id"].as_str().unwrap().to_owned()
}

fn put_member(app: &TestApp, token: &str, org: &str, user: &str, role: &str) -> Reply {
    send(
        app,
        "PUT",
        token,
        &format!("{ORGS}/{org}/members/{user}"),
        Some(json!({"role": role})),
    )
}

fn audit_count(app: &TestApp, action: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE action = $1";
    app.rt.block_on(async {
        gatehouse::with_pool!(&app.state.db, pool => {
            sqlx::query_scalar::<_, i64>(sql).bind(action).fetch_one(pool).await.unwrap()
        })
    })
}

#[test]
fn organisations_are_created_listed_renamed_and_deleted() {
    let app = spawn_app();
    let admin = app.admin_token();

    let created = app.post_json(ORGS, Auth::Bearer(&admin), &json!({"name": "  Research "}));
    assert_eq!(created.status, 201, "{}", created.body);
    let org = created.json()["data"].clone();
    let id = org["id"].as_str().unwrap().to_owned();
    assert_eq!(org["type"], "org");
    assert_eq!(org["attributes"]["name"], "Research");
    assert_eq!(org["attributes"]["member_count"], 0);
    assert_eq!(
        created.header("location"),
        Some(format!("{ORGS}/{id}").as_str())
    );
    assert_eq!(audit_count(&app, "org.create"), 1);

    // Names are unique whatever the case.
    let dup = app.post_json(ORGS, Auth::Bearer(&admin), &json!({"name": "RESEARCH"}));
    assert_eq!(dup.status, 409, "{}", dup.body);
    assert_eq!(codes(&dup), ["org_name_taken"]);
    assert_eq!(dup.json()["errors"][0]["source"]["pointer"], "/name");
    let blank = app.post_json(ORGS, Auth::Bearer(&admin), &json!({"name": "  "}));
    assert_eq!(blank.status, 422, "{}", blank.body);
    assert_eq!(codes(&blank), ["name_empty"]);
    let long = app.post_json(
        ORGS,
        Auth::Bearer(&admin),
        &json!({"name": "x".repeat(101)}),
    );
    assert_eq!(codes(&long), ["name_invalid"]);
    let unknown_field = app.post_json(ORGS, Auth::Bearer(&admin), &json!({"name": "a", "x": 1}));
    assert_eq!(unknown_field.status, 400, "{}", unknown_field.body);

    for name in ["Sales", "Support", "Marketing"] {
        create_org(&app, &admin, name);
    }
    let all = app.get(ORGS, Auth::Bearer(&admin));
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(all.json()["meta"]["count"], 4);
    let names: Vec<String> = all.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["attributes"]["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Research", "Sales", "Support", "Marketing"]);
    let found = app.get(&format!("{ORGS}?filter[search]=S"), Auth::Bearer(&admin));
    assert_eq!(found.json()["meta"]["count"], 3, "{}", found.body);
    // Paging both ways.
    let first = app.get(&format!("{ORGS}?page[first]=3"), Auth::Bearer(&admin));
    let next = first.json()["links"]["next"].as_str().unwrap().to_owned();
    let second = app.get(&next, Auth::Bearer(&admin));
    assert_eq!(second.json()["data"][0]["attributes"]["name"], "Marketing");
    let prev = second.json()["links"]["prev"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get(&prev, Auth::Bearer(&admin)).json()["data"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    for bad in [
        "filter[nope]=1",
        "page[after]=not-a-cursor",
        "count=maybe",
        "page[first]=0",
    ] {
        let reply = app.get(&format!("{ORGS}?{bad}"), Auth::Bearer(&admin));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
    }

    let got = app.get(&format!("{ORGS}/{id}"), Auth::Bearer(&admin));
    assert_eq!(got.status, 200);
    assert_eq!(got.json()["data"]["attributes"]["name"], "Research");
    assert_eq!(
        app.get(
            &format!("{ORGS}/01JD0000000000000000000000"),
            Auth::Bearer(&admin)
        )
        .status,
        404
    );

    let renamed = send(
        &app,
        "PATCH",
        &admin,
        &format!("{ORGS}/{id}"),
        Some(json!({"name": "R&D"})),
    );
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.json()["data"]["attributes"]["name"], "R&D");
    let clash = send(
        &app,
        "PATCH",
        &admin,
        &format!("{ORGS}/{id}"),
        Some(json!({"name": "sales"})),
    );
    assert_eq!(clash.status, 409, "{}", clash.body);
    let missing = send(
        &app,
        "PATCH",
        &admin,
        &format!("{ORGS}/01JD0000000000000000000000"),
        Some(json!({"name": "x"})),
    );
    assert_eq!(missing.status, 404);

    // Delete: 409 with members unless forced; the users stay.
    let alice = app.create_user("alice", None, false);
    assert_eq!(put_member(&app, &admin, &id, &alice, "viewer").status, 201);
    let refused = send(&app, "DELETE", &admin, &format!("{ORGS}/{id}"), None);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(codes(&refused), ["org_has_members"]);
    let bad_force = send(
        &app,
        "DELETE",
        &admin,
        &format!("{ORGS}/{id}?force=yes"),
        None,
    );
    assert_eq!(bad_force.status, 400);
    let forced = send(
        &app,
        "DELETE",
        &admin,
        &format!("{ORGS}/{id}?force=true"),
        None,
    );
    assert_eq!(forced.status, 204, "{}", forced.body);
    assert_eq!(
        app.get(&format!("{ORGS}/{id}"), Auth::Bearer(&admin))
            .status,
        404
    );
    let user = app.get(&format!("{USERS}/{alice}"), Auth::Bearer(&admin));
    assert_eq!(user.status, 200);
    assert_eq!(user.json()["data"]["attributes"]["memberships"], json!([]));
    let sales = app
        .get(
            &format!("{ORGS}?filter[search]=sales"),
            Auth::Bearer(&admin),
        )
        .json()["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        send(&app, "DELETE", &admin, &format!("{ORGS}/{sales}"), None).status,
        204
    );
    assert_eq!(
        send(&app, "DELETE", &admin, &format!("{ORGS}/{sales}"), None).status,
        404
    );
}

#[test]
fn members_are_added_filtered_paged_changed_and_removed() {
    let app = spawn_app();
    let admin = app.admin_token();
    let org = create_org(&app, &admin, "Main");
    let users: Vec<String> = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|u| app.create_user(u, None, false))
        .collect();

    let added = put_member(&app, &admin, &org, &users[0], "admin");
    assert_eq!(added.status, 201, "{}", added.body);
    let member = added.json()["data"].clone();
    assert_eq!(member["type"], "org_member");
    assert_eq!(member["id"], users[0].as_str());
    assert_eq!(member["attributes"]["username"], "alice");
    assert_eq!(member["attributes"]["role"], "admin");
    for (user, role) in users[1..].iter().zip(["editor", "viewer", "viewer"]) {
        assert_eq!(put_member(&app, &admin, &org, user, role).status, 201);
    }
    // PUT again changes the role: 200.
    let changed = put_member(&app, &admin, &org, &users[1], "viewer");
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["data"]["attributes"]["role"], "viewer");
    assert_eq!(audit_count(&app, "org.member.put"), 5);

    let bad_role = put_member(&app, &admin, &org, &users[0], "owner");
    assert_eq!(bad_role.status, 400, "{}", bad_role.body);
    let no_user = put_member(&app, &admin, &org, "01JD0000000000000000000000", "viewer");
    assert_eq!(no_user.status, 404);
    let no_org = put_member(
        &app,
        &admin,
        "01JD0000000000000000000000",
        &users[0],
        "viewer",
    );
    assert_eq!(no_org.status, 404);

    let members = format!("{ORGS}/{org}/members");
    let all = app.get(&members, Auth::Bearer(&admin));
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(all.json()["meta"]["count"], 4);
    let viewers = app.get(
        &format!("{members}?filter[role]=viewer"),
        Auth::Bearer(&admin),
    );
    assert_eq!(viewers.json()["meta"]["count"], 3, "{}", viewers.body);
    let searched = app.get(
        &format!("{members}?filter[search]=CAR"),
        Auth::Bearer(&admin),
    );
    assert_eq!(
        searched.json()["data"][0]["attributes"]["username"],
        "carol"
    );
    let page = app.get(&format!("{members}?page[first]=2"), Auth::Bearer(&admin));
    assert_eq!(page.json()["data"].as_array().unwrap().len(), 2);
    let next = page.json()["links"]["next"].as_str().unwrap().to_owned();
    let rest = app.get(&next, Auth::Bearer(&admin));
    assert_eq!(rest.json()["data"][1]["attributes"]["username"], "dave");
    assert!(rest.json()["links"].get("next").is_none());
    for bad in ["filter[role]=owner", "filter[x]=1"] {
        assert_eq!(
            app.get(&format!("{members}?{bad}"), Auth::Bearer(&admin))
                .status,
            400,
            "{bad}"
        );
    }
    assert_eq!(
        app.get(
            &format!("{ORGS}/01JD0000000000000000000000/members"),
            Auth::Bearer(&admin)
        )
        .status,
        404
    );
    let count = app.get(ORGS, Auth::Bearer(&admin));
    assert_eq!(count.json()["data"][0]["attributes"]["member_count"], 4);

    // The user resource lists memberships; the users list filters by org.
    let second = create_org(&app, &admin, "Second");
    put_member(&app, &admin, &second, &users[0], "editor");
    let alice = app.get(&format!("{USERS}/{}", users[0]), Auth::Bearer(&admin));
    assert_eq!(
        alice.json()["data"]["attributes"]["memberships"],
        json!([
            {"org_id": org, "org_name": "Main", "role": "admin"},
            {"org_id": second, "org_name": "Second", "role": "editor"},
        ])
    );
    let in_second = app.get(
        &format!("{USERS}?filter[org]={second}"),
        Auth::Bearer(&admin),
    );
    assert_eq!(in_second.json()["meta"]["count"], 1, "{}", in_second.body);
    assert_eq!(
        in_second.json()["data"][0]["attributes"]["username"],
        "alice"
    );
    assert_eq!(
        in_second.json()["data"][0]["attributes"]["memberships"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        app.get(&format!("{USERS}?filter[org]=nope"), Auth::Bearer(&admin))
            .status,
        400
    );

    let remove = |user: &str| send(&app, "DELETE", &admin, &format!("{members}/{user}"), None);
    assert_eq!(remove(&users[3]).status, 204);
    assert_eq!(remove(&users[3]).status, 404);
    // Deleting a user removes its memberships.
    assert_eq!(
        send(
            &app,
            "DELETE",
            &admin,
            &format!("{USERS}/{}", users[2]),
            None
        )
        .status,
        204
    );
    assert_eq!(
        app.get(&members, Auth::Bearer(&admin)).json()["meta"]["count"],
        2
    );
}

#[test]
fn new_users_join_an_organisation_or_the_default_one() {
    let app = spawn_app_with(|c| {
        c.default_org = Some(DefaultOrg {
            name: "Main Org.".into(),
            role: gatehouse::model::OrgRole::Viewer,
        })
    });
    let admin = app.admin_token();
    // The default organisation exists from the start.
    let orgs = app.get(ORGS, Auth::Bearer(&admin));
    assert_eq!(
        orgs.json()["data"][0]["attributes"]["name"],
        "Main Org.",
        "{}",
        orgs.body
    );
    let main = orgs.json()["data"][0]["id"].as_str().unwrap().to_owned();
    // It cannot be deleted while configured.
    let refused = send(
        &app,
        "DELETE",
        &admin,
        &format!("{ORGS}/{main}?force=true"),
        None,
    );
    assert_eq!(refused.status, 409);
    assert_eq!(codes(&refused), ["org_is_default"]);

    let plain = app.post_json(USERS, Auth::Bearer(&admin), &json!({"username": "erin"}));
    assert_eq!(plain.status, 201, "{}", plain.body);
    assert_eq!(
        plain.json()["data"]["attributes"]["memberships"],
        json!([{"org_id": main, "org_name": "Main Org.", "role": "viewer"}])
    );
    let lab = create_org(&app, &admin, "Lab");
    let chosen = app.post_json(
        USERS,
        Auth::Bearer(&admin),
        &json!({"username": "frank", "org_id": lab, "role": "editor"}),
    );
    assert_eq!(chosen.status, 201, "{}", chosen.body);
    assert_eq!(
        chosen.json()["data"]["attributes"]["memberships"],
        json!([{"org_id": lab, "org_name": "Lab", "role": "editor"}])
    );

    // An unknown org is a 400 naming the field, and nothing is written.
    let unknown = app.post_json(
        USERS,
        Auth::Bearer(&admin),
        &json!({"username": "gina", "org_id": "01JD0000000000000000000000"}),
    );
    assert_eq!(unknown.status, 400, "{}", unknown.body);
    assert_eq!(codes(&unknown), ["org_not_found"]);
    assert_eq!(unknown.json()["errors"][0]["source"]["pointer"], "/org_id");
    let absent = app.get(&format!("{USERS}/by-username/gina"), Auth::Bearer(&admin));
    assert_eq!(absent.status, 404);
    let bad_role = app.post_json(
        USERS,
        Auth::Bearer(&admin),
        &json!({"username": "gina", "org_id": lab, "role": "owner"}),
    );
    assert_eq!(bad_role.status, 400, "{}", bad_role.body);
}

#[test]
fn a_role_without_any_organisation_is_refused() {
    let app = spawn_app();
    let admin = app.admin_token();
    let reply = app.post_json(
        USERS,
        Auth::Bearer(&admin),
        &json!({"username": "hank", "role": "editor"}),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(codes(&reply), ["role_without_org"]);
    // Without a default organisation, new users join none.
    let plain = app.post_json(USERS, Auth::Bearer(&admin), &json!({"username": "hank"}));
    assert_eq!(plain.json()["data"]["attributes"]["memberships"], json!([]));
}

#[test]
fn members_and_read_only_tokens_cannot_change_organisations() {
    let app = spawn_app();
    let admin = app.admin_token();
    let org = create_org(&app, &admin, "Main");
    let member = app.create_user("member", Some("member-password-1"), false);
    let member_token = app.token_for(&member, &[]);
    let admin_id = app.create_user("reader", Some("reader-password-1"), true);
    let read_only = app.token_for(&admin_id, &[READ]);

    assert_eq!(app.get(ORGS, Auth::Bearer(&member_token)).status, 403);
    assert_eq!(app.get(ORGS, Auth::Bearer(&read_only)).status, 200);
    let write = app.post_json(ORGS, Auth::Bearer(&read_only), &json!({"name": "x"}));
    assert_eq!(write.status, 403);
    assert_eq!(codes(&write), ["insufficient_scope"]);
    assert_eq!(
        put_member(&app, &read_only, &org, &member, "viewer").status,
        403
    );
    assert_eq!(app.get(ORGS, Auth::None).status, 401);
}

#[test]
fn the_panel_manages_members_by_username_and_users_see_their_organisations() {
    let app = spawn_app();
    let admin = app.admin_token();
    let org = create_org(&app, &admin, "Main");
    app.create_user("root", Some("root-password-1"), true);
    let ivy = app.create_user("ivy", Some("ivy-password-1"), false);
    let root = app.login("root", "root-password-1");

    let added = app.post_form(
        "/api/orgs/put-member",
        Auth::Cookie(&root),
        &[("Accept", "application/json")],
        &format!("org_id={org}&username=ivy&role=editor"),
    );
    assert!(added.status < 400, "{} {}", added.status, added.body);
    let unknown = app.post_form(
        "/api/orgs/put-member",
        Auth::Cookie(&root),
        &[("Accept", "application/json")],
        &format!("org_id={org}&username=nobody&role=editor"),
    );
    assert_eq!(unknown.status, 404, "{}", unknown.body);
    assert!(unknown.body.contains("user_not_found"), "{}", unknown.body);

    let ivy_cookie = app.login("ivy", "ivy-password-1");
    let mine = app.get("/api/account/orgs", Auth::Cookie(&ivy_cookie));
    assert_eq!(mine.status, 200, "{}", mine.body);
    assert_eq!(
        mine.json(),
        json!([{"org_id": org, "org_name": "Main", "role": "editor"}])
    );
    // Members cannot manage organisations through the panel either.
    let refused = app.post_form(
        "/api/orgs/create",
        Auth::Cookie(&ivy_cookie),
        &[("Accept", "application/json")],
        "name=Mine",
    );
    assert_eq!(refused.status, 403, "{}", refused.body);

    let removed = app.post_form(
        "/api/orgs/remove-member",
        Auth::Cookie(&root),
        &[("Accept", "application/json")],
        &format!("org_id={org}&user_id={ivy}"),
    );
    assert!(removed.status < 400, "{} {}", removed.status, removed.body);
    let mine = app.get("/api/account/orgs", Auth::Cookie(&ivy_cookie));
    assert_eq!(mine.json(), json!([]));
}
