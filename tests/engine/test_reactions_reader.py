"""Reading what people do to posts besides adding them: upvote, report, follow, RSVP, save,
rate; anonymous posting; a length limit. Each lands on the list of the thing it is done to."""

from __future__ import annotations

from tests.engine.reading import spec


def collection_of(found, entity: str) -> dict:
    return next(
        use.config()
        for _, use in found.features()
        if use.feature == "collection" and use.config().get("entity") == entity and not use.config().get("saved_only")
    )


def test_an_anonymous_board_posts_untitled_confessions_that_can_be_upvoted_reported_and_ranked():
    found = spec(
        "Anonymous confession board for Eastvale University: students post confessions without a name, "
        "others upvote them, and posts can be reported. Sort by newest or top."
    )
    confession = found.entity("confession")
    assert confession.title == "text" and confession.field("text").label == "Your confession"
    config = collection_of(found, "confession")
    assert config["anonymous"] and config["report"] and config["likes"] and config["like_label"] == "Upvote"
    assert found.facts.name == "Eastvale University"


def test_a_length_limit_goes_on_the_text_people_write_and_following_on_the_people():
    found = spec("A mini Twitter: post short messages of up to 280 characters, like them, and follow other users.")
    post = found.entity("post")
    assert post.field(post.title).max == 280
    assert collection_of(found, "profile")["relation"]["label"] == "Follow"
    assert found.pages[1].features[0].config()["entity"] == "post"  # the feed opens the site


def test_friend_requests_go_on_the_thing_that_has_a_profile():
    found = spec(
        "A social network for dog owners: each dog gets a profile (name, breed, age), owners post updates "
        "about their dogs, and can send friend requests."
    )
    assert [f.label for f in found.entity("dog").fields][:3] == ["Name", "Breed", "Age"]
    assert found.entity("dog").field("age").type == "number"
    assert collection_of(found, "profile")["relation"] == {
        "label": "Add friend",
        "done": "Request sent",
        "undone": "Request cancelled",
    }


def test_saving_rating_and_rsvp_are_options_and_saving_adds_a_favourites_page():
    recipes = spec(
        "Recipe sharing community: users post recipes with ingredients and steps, others save them to "
        "favourites and rate them with 1 to 5 stars."
    )
    config = collection_of(recipes, "recipe")
    assert config["save"] and config["rate"]
    favourites = next(p for p in recipes.pages if p.slug == "favourites")
    assert favourites.features[0].config()["saved_only"] is True
    assert "community" not in {e.name for e in recipes.entities}  # the site, not a thing it keeps

    meetup = spec("Event meetup app: anyone can create an event with a title, date and place, RSVP to events, and see who is going.")
    assert meetup.domain == "event-calendar" and collection_of(meetup, "event")["rsvp"] is True
    assert "likes" not in collection_of(meetup, "event")


def test_a_shop_keeps_favourites_as_its_wishlist_not_a_saved_list():
    found = spec("An online shop for handmade candles with a cart, checkout and a favourites list")
    assert not any(p.slug == "favourites" for p in found.pages)


def test_photos_described_in_two_phrases_get_every_field_with_a_link_for_the_image():
    found = spec(
        "Photo sharing app for our hiking club, Trailblazers. Members post photos (image URL) with a caption "
        "and a trail name, and others comment on them."
    )
    photo = found.entity("photo")
    assert photo.field("image_url").type == "url"
    assert {"Caption", "Trail name"} <= {f.label for f in photo.fields}
