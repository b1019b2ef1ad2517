"""Slack's Web API within the shared rate budget: every call takes its slot in the
workspace's buckets first (the method's tier; the channel's, for a post), and a 429
pauses the call's buckets for every poster before its retry takes a slot like any call.

Both the method's and the channel's bucket are paused, since Slack's 429 does not say
which limit it was: the cautious reading costs a few seconds, a wrong one a 429 storm.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.chat.post_budget import PostBudget
from bot.chat.rate_budget import slack_buckets, slack_verdict

__all__ = ["RATE_LIMIT_RETRIES", "BudgetedSlackClient", "SlackBudgetRetry"]

RATE_LIMIT_RETRIES = 3


def _first(headers: Mapping[str, Any]) -> dict[str, str]:
    """slack_sdk's headers (a list per name) as one value per name."""
    return {k: str(v[0] if isinstance(v, list) and v else v) for k, v in headers.items()}


def _slack_channel(*sources: object) -> str | None:
    for source in sources:
        if isinstance(source, Mapping) and source.get("channel"):
            return str(source["channel"])
    return None


class SlackBudgetRetry(AsyncRetryHandler):
    """A 429 pauses the call's buckets for everyone (its Retry-After); the retry then
    takes its slot like any other call instead of firing when the pause ends."""

    def __init__(self, budget: PostBudget, workspace: str) -> None:
        super().__init__(max_retry_count=RATE_LIMIT_RETRIES)
        self.budget = budget
        self.workspace = workspace

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code == 429

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        method = request.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        buckets = slack_buckets(self.workspace, method, _slack_channel(request.body_params))
        status = response.status_code if response is not None else 429
        headers = _first(response.headers) if response is not None else {}
        await self.budget.heed(buckets, slack_verdict(status, headers))
        await self.budget.take(buckets)
        state.next_attempt_requested = True
        state.increment_current_attempt()


class BudgetedSlackClient(AsyncWebClient):
    """A Web API client whose every call first takes its slot in the workspace's buckets."""

    def __init__(self, *, budget: PostBudget, workspace: str, **kwargs: Any) -> None:
        kwargs["retry_handlers"] = [SlackBudgetRetry(budget, workspace)]
        super().__init__(**kwargs)
        self.budget = budget
        self.workspace = workspace

    async def api_call(
        self, api_method: str, *, params: dict[str, Any] | None = None, **kwargs: Any
    ) -> AsyncSlackResponse:
        channel = _slack_channel(params, kwargs.get("json"), kwargs.get("data"))
        await self.budget.take(slack_buckets(self.workspace, api_method, channel))
        return await super().api_call(api_method, params=params, **kwargs)
