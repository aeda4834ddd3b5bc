"""Recommendations: item-to-item collaborative filtering over what readers say of records.

``similarity`` computes (numpy and scipy, no Django), ``stored`` keeps each record's nearest
records in ``SimilarRecord`` (a full recompute by ``library20 recommendations``, an incremental
update after each rating, run as a job), ``shown`` reads them for the record page ("readers who
liked this also liked") and the reader's page ("for you"). Nothing is computed while a page is
served.
"""
