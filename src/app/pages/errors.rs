use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t!("error-not-found")/>
        <main id="main" class="centered">
            <section class="card narrow">
                <h1>{t!("error-page-not-found")}</h1>
                <p>{t!("error-page-not-found-body")}</p>
                <a class="button" href="/">{t!("error-go-to-start")}</a>
            </section>
        </main>
    }
}
