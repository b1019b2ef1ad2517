"""Discord's REST API within the shared rate budget, for discord.py's client.

Each request first takes the bot's global slot (50 a second) and its route's; every
answer's X-RateLimit-* headers are read by an aiohttp trace for the request that asked
(a context variable: the trace runs in the request's own task), so a bucket Discord
calls exhausted or rate limited is paused for every worker, and a route's pace is
learned from its headers. discord.py still keeps its own buckets within the process.
"""

from __future__ import annotations

import asyncio
import contextvars
from typing import Any

import aiohttp
from discord.http import HTTPClient, Route

from bot.chat.post_budget import PostBudget
from bot.chat.rate_budget import Bucket, discord_buckets, discord_verdict

__all__ = ["BudgetedDiscordHTTP", "discord_trace"]

_CALL: contextvars.ContextVar[tuple[Bucket, ...]] = contextvars.ContextVar("rate_budget_call")


def discord_trace(budget: PostBudget) -> aiohttp.TraceConfig:
    """Every answer's X-RateLimit-* headers, read for the call that asked (`_CALL`)."""

    async def on_end(
        _session: aiohttp.ClientSession, _ctx: Any, params: aiohttp.TraceRequestEndParams
    ) -> None:
        buckets = _CALL.get(None)
        if buckets:
            verdict = discord_verdict(params.response.status, params.response.headers)
            await budget.heed(buckets, verdict, everyone=buckets[:1])

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(on_end)
    return trace


class BudgetedDiscordHTTP(HTTPClient):
    """discord.py's REST client, each request first taking the bot's global slot and
    its route's; discord.py still keeps its own buckets within the process."""

    def __init__(self, budget: PostBudget, bot: str, **kwargs: Any) -> None:
        super().__init__(asyncio.get_running_loop(), http_trace=discord_trace(budget), **kwargs)
        self.budget = budget
        self.bot = bot

    async def request(self, route: Route, **kwargs: Any) -> Any:
        buckets = discord_buckets(self.bot, route.key, route.major_parameters)
        token = _CALL.set(buckets)
        try:
            await self.budget.take(buckets)
            return await super().request(route, **kwargs)
        finally:
            _CALL.reset(token)
