"""Waiting for what the user would wait for, with a bound and a clear failure, never a sleep.

CI runs on loaded machines at a fraction of a developer's speed: a test that waits a fixed
time fails there for the wrong reason, and one that waits forever never says what it was
waiting for. These wait for a condition, polling often, and fail naming it after `timeout`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.worker import Worker, WorkerState

TIMEOUT = 30.0  # generous: only a broken app takes this long
POLL = 0.01


async def wait_for(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = TIMEOUT
) -> None:
    """Let the app run until `condition()` is true; fail saying `what` did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:g} s")
        await pilot.pause(POLL)


async def wait_for_workers(pilot: Pilot, timeout: float = TIMEOUT) -> None:
    """Until the app's workers are all done, and what they posted has reached the screen.

    Textual's `workers.wait_for_complete()` raises WorkerCancelled when a worker it waits on
    is replaced by a newer one (each letter typed into the palette starts a search that
    cancels the last): under load the test failed for the app doing its job. A cancelled
    worker is done, as a finished one is; one that failed fails the test, naming its error.
    """
    deadline = time.monotonic() + timeout
    # The workers there now are counted from the start: one that fails during the first
    # pause has left the app's list by the time the loop looks.
    seen: set[Worker[object]] = set(pilot.app.workers)
    while True:
        await pilot.pause()  # the messages still queued start the workers they start
        busy = [worker for worker in pilot.app.workers if not worker.is_finished]
        seen.update(busy)
        if not busy:
            break
        if time.monotonic() > deadline:
            pytest.fail(f"the app's workers did not finish within {timeout:g} s: {busy}")
        await pilot.pause(POLL)
    for worker in seen:
        if worker.state is WorkerState.ERROR:
            pytest.fail(f"worker {worker.name!r} failed: {worker.error!r}")


async def press_until(
    pilot: Pilot, key: str, condition: Callable[[], object], what: str, most: int = 200
) -> None:
    """Press `key` until `condition()` is true, at most `most` times; fail saying `what` was
    never reached (a key that no longer moves the cursor would otherwise press forever)."""
    for _ in range(most):
        if condition():
            return
        await pilot.press(key)
    if not condition():
        pytest.fail(f"{what}: not reached in {most} presses of {key}")


async def wait_until_loaded(pilot: Pilot, timeout: float = TIMEOUT) -> None:
    """Until the app's data is in and its main screen is up (`data_ready`)."""
    app = pilot.app
    await wait_for(pilot, lambda: app.data_ready, "the data loaded and the panes shown", timeout)  # type: ignore[attr-defined]


def wait_until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """The same outside the app (files, processes): poll `condition` until true or fail."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:g} s")
        time.sleep(POLL)
