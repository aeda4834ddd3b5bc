"""What readers want, to steer acquisitions: purchase suggestions sent to Koha, searches that
found nothing, and the librarians' report over them (with ratings, holds and wishes).

    models             PurchaseSuggestion, FailedSearch
    failed_searches    log a search with words that found nothing (one statement)
    suggestions        a reader's suggestion: kept here, sent to Koha now or later
    forms, routes      the suggestion form at /<lang>/catalogue/suggest/
    account            the reader's suggestions in My account and their data download
    periods, measures  the report's period and its tables ("measures", a registry)
    chart              readers' activity per week as inline SVG
    report             the report in the Wagtail admin, with CSV and XLSX exports
"""
