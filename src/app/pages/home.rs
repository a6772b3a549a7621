use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::app::CurrentUser;

/// The start page sends administrators to Users and everyone else to their account.
#[component]
pub fn HomePage() -> impl IntoView {
    let me = expect_context::<CurrentUser>().0;
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if me.admin => view! { <Redirect path="/users"/> }.into_any(),
                    Ok(Some(_)) => view! { <Redirect path="/account"/> }.into_any(),
                    _ => view! { <Redirect path="/login"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
