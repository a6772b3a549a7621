//! `GET /api/live`: the live connection of a logged-in page, as server-sent
//! events. Each `data:` line is one JSON [`LiveEvent`].

use std::{convert::Infallible, time::Duration};

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
};
use futures_util::{stream, StreamExt};
use tower_sessions::Session;

use super::{Opening, Push};
use crate::{
    model::{AppError, LiveEvent},
    server::{
        auth::caller, db, ops, rest::extract::client_addr, rest::ApiError, time::now_ms, AppState,
    },
};

pub const PATH: &str = "/api/live";

/// Comments every so often keep proxies from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

fn data(json: &str) -> Result<Event, Infallible> {
    Ok(Event::default().data(json))
}

fn event(e: &LiveEvent) -> Result<Event, Infallible> {
    data(&serde_json::to_string(e).expect("live events serialize"))
}

pub async fn handler(State(state): State<AppState>, request: Request) -> Response {
    match open(state, request).await {
        Ok(response) => response,
        Err(e) => ApiError(e).into_response(),
    }
}

async fn open(state: AppState, request: Request) -> Result<Response, AppError> {
    let (parts, _) = request.into_parts();
    let session = parts.extensions.get::<Session>().cloned();
    let addr = client_addr(&parts);
    let caller = caller::resolve_for_panel(&state, &parts.headers, session.as_ref(), addr)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    // OAuth2 clients are not people and have no inbox.
    if caller.user_id.is_none() {
        return Err(AppError::forbidden());
    }
    let user_id = caller.require_own(ops::Access::Read)?.to_owned();
    let admin = caller.may(crate::model::Op::ReadUsers);
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(512).collect::<String>());
    let (registration, rx) = state
        .live
        .open(Opening {
            user_id: user_id.clone(),
            session_id: caller.session_id.clone(),
            token_id: caller.token_id.clone(),
            admin,
            client_ip: caller.ip.clone(),
            user_agent,
        })
        .await?;

    let now = now_ms();
    let unread = db::messages::unread_count(&state.db, &user_id).await?;
    let online = if admin {
        Some(db::live::count(&state.db, None, now).await?.1)
    } else {
        None
    };
    let mut first = vec![event(&LiveEvent::Hello {
        connection_id: registration.connection_id.clone(),
        unread,
        online,
    })];
    // What was sent while the user was away arrives now.
    for message in db::messages::take_undelivered(&state.db, &user_id, now).await? {
        first.push(event(&ops::messages::live_event(&message)));
    }

    let pushes = stream::unfold((rx, registration), |(mut rx, registration)| async move {
        let Push::Event(json) = rx.recv().await?;
        Some((data(&json), (rx, registration)))
    });
    let events = stream::iter(first)
        .chain(pushes)
        .take_until(state.live.shutting_down());
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // Reverse proxies such as nginx would otherwise hold events back.
    response
        .headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(response)
}
