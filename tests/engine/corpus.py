"""Prompts people really write: short and long, every kind of site in the catalog, explicit
colours, sections asked for and forbidden, and hostile input. Each entry may say what the
plan must honour: template, colours by role, sections wanted or forbidden."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    prompt: str
    template: str | None = None
    colours: dict[str, str] = field(default_factory=dict)
    wanted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()


CORPUS: tuple[Case, ...] = (
    # One or more per template kind.
    Case("Build a luxury e-commerce website", template="luxury-boutique"),
    Case(
        "Build a luxury e-commerce website for Aurum, a jewellery boutique in Milan selling rings, necklaces and "
        "earrings, with a navy background and gold buttons",
        template="luxury-boutique",
        colours={"background": "#000080", "primary": "#ffd700"},
    ),
    Case("An online store for Pip & Pantry selling pantry staples, tea and biscuits", template="everyday-store"),
    Case("A cosy café and bistro called Hazel Lane in Bath with a menu and opening hours", template="cafe-bistro"),
    Case("bakery website", template="cafe-bistro"),
    Case("A SaaS landing page for Ledgerly, an invoicing tool for freelancers, add pricing", template="saas-product"),
    Case("A product launch page for Quill, a minimalist note-taking app", template="minimal-launch"),
    Case("A mobile app landing page for Hushwell, a sleep tracking app", template="app-launch"),
    Case("An analytics dashboard web app for a logistics startup with charts and a data table"),
    Case("A creative agency website for Field Office, a branding studio in Glasgow", template="agency-studio"),
    Case("A magazine blog about slow travel called Wayfarer Quarterly", template="blog-magazine"),
    Case("A daily news website for The Harbour Gazette", template="news-daily"),
    Case("A community forum for home bakers called Crumb Club", template="community-forum"),
    Case("A dental clinic website for Millbrook Dental in Leeds with a booking form", template="dental-clinic"),
    Case("A tech conference website for Signal 2027 with a schedule and speakers", template="event-conference"),
    Case("A crossfit gym called Iron Fist Athletics with class pricing and trainers", template="fitness-gym"),
    Case("A boutique hotel website for Tide House in Cornwall with room booking", template="hotel-travel"),
    Case("A law firm website for Ashcombe Reyes, employment solicitors", template="law-firm"),
    Case("A plumber and electrician local services site for Hartley & Daughters", template="local-services"),
    Case("A band website for Moth Hours with tour dates and a gallery", template="music-band"),
    Case("A charity website for a food bank network called Cwtch with a donate button", template="nonprofit-charity"),
    Case("An online course website teaching UX design, called Halfmoon School", template="online-course"),
    Case("A wedding photographer portfolio for Elin Marsh Photography", template="photographer"),
    Case("A personal portfolio for Inês Carvalho, a product designer", template="portfolio-personal"),
    Case("A real estate agency website for Ashdown & Pryce with property search", template="real-estate"),
    Case("A resume CV site for Amara Osei, data engineer", template="resume-cv"),
    Case("A wedding invitation website for Isla and Rowan with an RSVP form", template="wedding-invitation"),
    # Explicit colours, by CSS name, hex and rgb, for each role.
    Case(
        "A yoga studio site called Still Point, forest green buttons and a mint cream background",
        colours={"primary": "#228b22", "background": "#f5fffa"},
    ),
    Case(
        "A coffee roastery called Black Sheep, background #1b1b1b, buttons #c8a165", colours={"background": "#1b1b1b"}
    ),
    Case(
        "A florist called Petal & Stem with text in rgb(40, 20, 60) and a lavender blush background",
        colours={"background": "#fff0f5"},
    ),
    Case("A bookshop called Dog-Eared with teal buttons and coral accents", colours={"primary": "#008080"}),
    Case("A sushi restaurant called Kumo, dark mode, crimson buttons", colours={"primary": "#dc143c"}),
    Case("A kids' coding club called ByteSized, buttons in #ff6600", colours={"primary": "#ff6600"}),
    Case(
        "A law practice with a navy background and white text, called Marlowe Legal", colours={"background": "#000080"}
    ),
    Case("A plant shop called Fern Gully using dark olive green for buttons", colours={"primary": "#556b2f"}),
    Case("A jazz bar called Blue Note Room with a midnight blue background", colours={"background": "#191970"}),
    Case("A skate shop called Grindhouse, hot pink accents and black background", colours={"background": "#000000"}),
    Case("A bakery with yellow text on a white background, called Sunny Side", colours={"background": "#ffffff"}),
    # Sections asked for and forbidden.
    Case("A bakery called Rye and Shine, dark mode, serif fonts, add pricing and a booking form", wanted=("pricing",)),
    Case(
        "crossfit gym called Kettle & Co, no pricing, with a faq and a map",
        wanted=("faq", "map"),
        forbidden=("pricing",),
    ),
    Case("A SaaS site for Tasko without testimonials and without pricing", forbidden=("testimonials", "pricing")),
    Case("A dentist website with a FAQ, a team section and no map", wanted=("faq", "team"), forbidden=("map",)),
    Case("A hotel site with a gallery, reviews and a newsletter signup", wanted=("gallery", "newsletter")),
    Case("A restaurant site, include a countdown to our opening night and a contact form", wanted=("countdown",)),
    Case("An events company site with a schedule, stats and logos of our clients", wanted=("schedule", "stats")),
    Case("A portfolio with a timeline of my career, skip the contact form", wanted=("timeline",)),
    Case("A nonprofit site, drop the newsletter, add a team section", wanted=("team",), forbidden=("newsletter",)),
    Case("An online shop with a product grid, a FAQ and opening hours", wanted=("faq", "hours")),
    # Short, vague and long.
    Case("website"),
    Case("shop"),
    Case("A site for my dog walking business"),
    Case("landing page for a podcast about urban gardening"),
    Case("Make me something for my pottery classes in Lisbon"),
    Case(
        "We are a family-run Italian restaurant in Manchester called Nonna Rosa. We have been open since 1987 and "
        "serve handmade pasta, wood-fired pizza and tiramisu. We want a warm, friendly website with our menu, "
        "opening hours, a map and a way to book a table. Please use a cream background and terracotta buttons, "
        "serif headings, and no testimonials.",
        forbidden=("testimonials",),
    ),
    Case(
        "Build a modern website for Northwind Robotics, a startup in Berlin offering warehouse automation, "
        "inventory drones and fleet software to logistics companies. Tone: professional. Sections: features, "
        "pricing, FAQ. Colours: background #0b1220, text #e6edf7, buttons #38bdf8.",
        colours={"background": "#0b1220", "primary": "#38bdf8"},
        wanted=("pricing", "faq"),
    ),
    Case("A playful site for a dog grooming salon serving poodles and terriers, called Suds & Scruffs"),
    Case("A calm, minimal site for a meditation app called Stillwater"),
    Case("A bold, edgy tattoo studio website called Ink Riot in Leeds"),
    # Hostile or odd input: shown as text, never as markup.
    Case('A cafe called <script>alert(1)</script> with text colour #ffff00 "quoted" & more'),
    Case('A shop called "<img src=x onerror=alert(1)>" selling <b>bold</b> things'),
    Case('A site for "Robert\'); DROP TABLE users;--" the plumber'),
    Case("A bakery called Ünïcödé Bäckerei in Zürich selling Brötchen and Brezeln"),
    Case("A website " + "really " * 200 + "long for a cat café called Whiskers"),
    Case('A café called "javascript:alert(1)" with a link to javascript:alert(2)'),
    Case("🌮🌮🌮 taco truck called Taco 'Bout It 🌮"),
)
