def test_home_page_is_in_french_and_accessible(page, check_accessibility):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    check_accessibility(page, "home")
