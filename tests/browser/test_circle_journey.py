"""An ally asks to join an ally circle, a coordinator accepts, the ally sees his circle.

The demo's ``ally`` (Alex Ally) is in the Northshire listening circle, which meets through
sessions. He finds the "Carers and fathers circle" from "My allyship" and asks to join; the
demo's coordinator (Chris Coordinator) opens the circle's members in the admin and accepts.
Alex then sees both circles on "My allyship" with the listening circle's next meeting, and
the names of the carers circle's members on its own page. Another member of staff, who is in
neither circle, gets "not found" at the circle's address.
"""

from __future__ import annotations

CIRCLE = "Carers and fathers circle"


def go_to_my_allyship(visitor) -> None:
    visitor.visit("/")
    menu = visitor.page.get_by_role("navigation", name="In this intranet")
    visitor.follow(menu.get_by_role("link", name="My allyship"))
    assert visitor.page.locator("h1").inner_text() == "My allyship"


def circles_section(visitor):
    return visitor.page.locator("section.allyship-my-circles")


def messages(visitor) -> str:
    return visitor.page.locator(".allyship-messages").inner_text()


def test_ally_asks_to_join_a_circle_and_is_accepted(visitor_for):
    ally = visitor_for("ally")
    go_to_my_allyship(ally)
    assert CIRCLE not in circles_section(ally).inner_text()

    # 1. Alex finds the open circles and asks to join one; asking again is refused.
    ally.follow(circles_section(ally).get_by_role("link", name="Find a circle"))
    assert ally.page.locator("h1").inner_text() == "Ally circles"
    card = ally.page.locator(".allyship-card", has_text=CIRCLE)
    assert "Tom Becker" not in card.inner_text()  # members' names are not shown outside
    ally.follow(card.get_by_role("button", name="Ask to join"))
    assert "Your request has been sent" in messages(ally)
    card = ally.page.locator(".allyship-card", has_text=CIRCLE)
    assert "You have asked to join" in card.inner_text()

    # 2. The coordinator accepts the request in the admin.
    coordinator = visitor_for("coordinator")
    coordinator.visit("/admin/snippets/wagtail_allyship/allycircle/")
    row = coordinator.page.locator("tr", has_text=CIRCLE)
    members_link = row.get_by_role("link", name="Members and requests")
    coordinator.visit(members_link.get_attribute("href"))
    requests = coordinator.page.locator("tr", has_text="Alex Ally")
    coordinator.follow(requests.get_by_role("button", name="Accept"))
    assert "Request accepted" in coordinator.page.locator(".messages").inner_text()
    alex = coordinator.page.locator("tr", has_text="Alex Ally")
    assert alex.get_by_role("button", name="Take out of the circle").count() == 1
    assert alex.get_by_role("button", name="Accept").count() == 0

    # 3. Alex sees his circles, the next meeting, and the members of his new circle.
    go_to_my_allyship(ally)
    section = circles_section(ally).inner_text()
    assert CIRCLE in section and "Northshire listening circle" in section
    assert "Next meeting:" in section
    circle_link = circles_section(ally).get_by_role("link", name=CIRCLE)
    circle_path = circle_link.get_attribute("href")
    ally.follow(circle_link)
    assert ally.page.locator("h1").inner_text() == CIRCLE
    members = ally.page.locator(".allyship-circle-members").inner_text()
    assert "Tom Becker" in members and "Alex Ally" in members

    # 4. Someone outside the circle cannot open it.
    colleague = visitor_for("colleague")
    colleague.visit(circle_path, status=404)
    assert "Tom Becker" not in colleague.page.content()
