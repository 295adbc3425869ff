"""RawArticle: one crawled page as it arrives on `articles.raw`."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class RawArticle(BaseModel):
    """A crawled item in the corpus format: id, url, fetch time, content type and body."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=256, description="Crawler-assigned article id.")
    url: str = Field(min_length=1, max_length=4096)
    fetched_at: AwareDatetime
    content_type: str = Field(
        default="text/plain", description="MIME type: text/plain or text/html."
    )
    body: str = Field(description="The page as fetched, decoded as UTF-8.")
