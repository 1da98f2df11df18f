"""From a list of URLs to a WARC, politely: `newslens fetch` (fetch_urls). Reading the WARC back for a
corpus: iter_warc_articles.

fetch sits with `text` in the stages: it reads no Article and imports only base modules. requests, protego
and warcio load inside the functions that use them."""

from .client import FetchOptions
from .run import FetchResult, FetchSummary, fetch_urls
from .urls import UrlList, UrlListError, UrlRecord, read_url_list
from .warc import iter_warc_articles

__all__ = ["FetchOptions", "FetchResult", "FetchSummary", "UrlList", "UrlListError", "UrlRecord", "fetch_urls",
           "iter_warc_articles", "read_url_list"]
