"""The same counters as Prometheus text on /metrics, parsed by prometheus_client's parser."""

from __future__ import annotations

import asyncio
import dataclasses
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from rfid_sip2.monitor import Monitor, Outcome, Role, UpstreamState
from rfid_sip2.sip2.messages import CheckoutRequest
from rfid_sip2.snmp import config as monitoring_config
from rfid_sip2.snmp.prometheus import PrometheusEndpoint
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        assert answer.headers["Content-Type"].startswith("text/plain")
        return answer.read().decode()


def test_the_gateways_metrics_follow_real_transactions(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    monitoring = monitoring_config.from_mapping({"prometheus": {"listen": "127.0.0.1:0"}}, {})
    config = dataclasses.replace(gateway_config(tmp_path), monitoring=monitoring)
    with running(config, sandbox_cable(sandbox)) as gateway, Device(gateway.port) as device:
        port = gateway.gateway.monitoring.prometheus.address[1]
        before = samples(scrape(port))
        assert device.login()
        device.exchange(
            CheckoutRequest(
                institution_id="CPL", patron_identifier="23529001000011", item_identifier=item
            )
        )
        after = samples(scrape(port))

    lent = ("library20_sip2_transactions_total", (("command", "11"), ("outcome", "ok")))
    assert lent not in before
    assert after[lent] == 1
    assert after[("library20_sip2_connected_devices", ())] == 1
    assert after[("library20_sip2_upstream_state", (("state", "up"),))] == 1
    assert after[("library20_sip2_upstream_state", (("state", "down"),))] == 0
    assert after[("library20_sip2_role_info", (("role", "gateway"),))] == 1
    assert after[("library20_sip2_journal_depth", ())] == 0


def test_a_station_exposes_its_reader_retry_list_and_last_error():
    ticks = iter(range(0, 1000, 5))
    monitor = Monitor(Role.STATION, clock=lambda: float(next(ticks)))
    monitor.retry_list = lambda: 2
    monitor.reader_is(up=False)
    monitor.error('reader: no answer on /dev/ttyUSB0 "port closed"')
    monitor.upstream_is(UpstreamState.OFFLINE)
    monitor.transaction("09", Outcome.OFFLINE)

    async def scraped() -> str:
        endpoint = PrometheusEndpoint(("127.0.0.1", 0), monitor)
        _host, port = await endpoint.start()
        try:
            return await asyncio.to_thread(scrape, port)
        finally:
            await endpoint.stop()

    found = samples(asyncio.run(scraped()))
    assert found[("library20_sip2_reader_state", (("state", "down"),))] == 1
    assert found[("library20_sip2_retry_list_length", ())] == 2
    assert found[("library20_sip2_upstream_state", (("state", "offline"),))] == 1
    error = (("text", 'reader: no answer on /dev/ttyUSB0 "port closed"'),)
    assert found[("library20_sip2_last_error_info", error)] == 1
    offline = ("library20_sip2_transactions_total", (("command", "09"), ("outcome", "offline")))
    assert found[offline] == 1
