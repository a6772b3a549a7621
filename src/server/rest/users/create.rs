//! `POST /users`: 201 with the new user; 409 duplicate username; 422 a broken
//! rule (one error per field, with `source.pointer`); 400 malformed JSON.

use super::schema::UserDocument;
use crate::model::NewUser;
use crate::server::rest::openapi::{
    examples, NewUserBadRequestError, NewUserInvalidError, UsernameTakenError,
};
use crate::server::rest::prelude::*;

#[utoipa::path(
    post,
    path = "/users",
    operation_id = "create_user",
    tag = "users",
    summary = "Create a user",
    description = "Without a password the user cannot log in until one is set. Every broken rule is reported at once.",
    request_body(content = NewUser, example = json!({"username": "alice", "password": "correct horse battery", "display_name": "Alice Example", "email": "alice@example.org", "admin": false})),
    responses(
        (status = 201, description = "Created", body = UserDocument,
            headers(("Location" = String, description = "URL of the new user")),
            example = json!(examples::user_document())),
        (status = 400, description = "Malformed JSON (`bad_request`), or `org_id` names no organisation (`org_not_found`, `source.pointer` `/org_id`)", body = NewUserBadRequestError),
        (status = 409, description = "The username is taken", body = UsernameTakenError),
        (status = 422, description = "Broken rules, one error per field", body = NewUserInvalidError),
    ),
)]
pub async fn handler(
    ApiCall { state, caller }: ApiCall,
    ApiJson(input): ApiJson<NewUser>,
) -> Result<Response, ApiError> {
    let user = ops::users::create(&state, &caller, input).await?;
    Ok(created_response(&user, &format!("{PREFIX}/users")))
}
