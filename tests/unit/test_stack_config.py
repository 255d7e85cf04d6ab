"""The pure parts of the local stack: broker configuration, ports, prerequisites, credentials."""

from __future__ import annotations

import base64
import socket
import ssl
import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from hub.errors import PortInUse, PrerequisiteMissing
from hub.settings import Settings
from hub.stack.credentials import StackCredentials, write_env_file
from hub.stack.kafka_config import (
    BrokerConfig,
    BrokerSecurity,
    Listener,
    broker_config,
    new_cluster_id,
    render_server_properties,
    split_host_port,
)
from hub.stack.ports import WantedPort, ensure_free, port_in_use
from hub.stack.postgres_roles import scram_sha256_verifier
from hub.stack.prerequisites import find_program, java_major_version, missing_message
from hub.stack.tls import StackAuthority


def _parse(properties: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in properties.splitlines() if line and not line.startswith("#"))
    return dict(pairs)


def _security(tmp_path: Path) -> BrokerSecurity:
    return BrokerSecurity(tmp_path / "keystore.pem", tmp_path / "ca.pem", SecretStr("broker-secret"))


def _local_config(tmp_path: Path) -> dict[str, str]:
    settings = Settings(kafka_bootstrap="127.0.0.1:19092", kafka_controller_port=19093)
    return _parse(render_server_properties(broker_config(settings, tmp_path / "data", _security(tmp_path))))


def test_server_properties_describe_one_combined_kraft_node(tmp_path: Path) -> None:
    config = _local_config(tmp_path)
    assert config["process.roles"] == "broker,controller"
    assert config["node.id"] == "1"
    assert config["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert config["controller.listener.names"] == "CONTROLLER"
    assert config["log.dirs"] == str(tmp_path / "data")


def test_server_properties_listen_on_loopback_and_advertise_only_the_sasl_ssl_client_listener(
    tmp_path: Path,
) -> None:
    config = _local_config(tmp_path)
    assert config["listeners"] == "CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert config["advertised.listeners"] == "CLIENT://127.0.0.1:19092"
    assert config["listener.security.protocol.map"] == "CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT"
    assert config["inter.broker.listener.name"] == "CLIENT"


def test_the_broker_authenticates_with_scram_over_tls_and_denies_what_no_acl_grants(tmp_path: Path) -> None:
    config = _local_config(tmp_path)
    assert config["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert config["sasl.mechanism.inter.broker.protocol"] == "SCRAM-SHA-512"
    assert (
        'username="hub-broker" password="broker-secret"'
        in config["listener.name.client.scram-sha-512.sasl.jaas.config"]
    )
    assert config["ssl.keystore.type"] == config["ssl.truststore.type"] == "PEM"
    assert config["ssl.keystore.location"] == str(tmp_path / "keystore.pem")
    assert config["authorizer.class.name"] == "org.apache.kafka.metadata.authorizer.StandardAuthorizer"
    assert config["allow.everyone.if.no.acl.found"] == "false"
    assert config["super.users"] == "User:hub-admin;User:hub-broker;User:ANONYMOUS"


def test_server_properties_suit_a_single_broker_used_by_tests(tmp_path: Path) -> None:
    config = _local_config(tmp_path)
    assert config["auto.create.topics.enable"] == "false"
    assert config["group.initial.rebalance.delay.ms"] == "0"
    for key in (
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr",
        "share.coordinator.state.topic.replication.factor",
        "min.insync.replicas",
    ):
        assert config[key] == "1", key


def test_ports_come_from_the_settings(tmp_path: Path) -> None:
    settings = Settings(kafka_bootstrap="127.0.0.1:29092", kafka_controller_port=29093)
    config = _parse(render_server_properties(broker_config(settings, tmp_path, _security(tmp_path))))
    assert config["listeners"] == "CLIENT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093"


def test_a_secured_listener_and_extra_lines_can_be_added_without_changing_the_renderer(tmp_path: Path) -> None:
    jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required;"
    config = BrokerConfig(
        client=Listener("CLIENT", "127.0.0.1", 19092, protocol="SASL_SSL"),
        controller=Listener("CONTROLLER", "127.0.0.1", 19093, advertised=False),
        log_dir=tmp_path,
        extra=(("listener.name.client.scram-sha-512.sasl.jaas.config", jaas),),
    )
    rendered = _parse(render_server_properties(config))
    assert rendered["listener.security.protocol.map"] == "CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT"
    assert rendered["listener.name.client.scram-sha-512.sasl.jaas.config"] == jaas


def test_split_host_port_rejects_an_address_without_a_port() -> None:
    assert split_host_port("127.0.0.1:19092,127.0.0.1:19094") == ("127.0.0.1", 19092)
    with pytest.raises(ValueError, match="host:port"):
        split_host_port("localhost")


def test_cluster_id_is_a_uuid_in_kafkas_base64_form() -> None:
    for _ in range(200):
        cluster_id = new_cluster_id()
        assert len(cluster_id) == 22
        assert not cluster_id.startswith("-")
        assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16


def test_a_port_someone_listens_on_is_reported_in_use_by_number() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        with pytest.raises(PortInUse, match=rf"port {port} on 127\.0\.0\.1 \(PostgreSQL\).*HUB_PG_PORT"):
            ensure_free(WantedPort("127.0.0.1", port, "PostgreSQL", "HUB_PG_PORT"))


def test_a_port_nobody_listens_on_is_free() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert not port_in_use("127.0.0.1", port)
    ensure_free(WantedPort("127.0.0.1", port, "Kafka client listener", "HUB_KAFKA_BOOTSTRAP"))


def test_a_missing_program_is_one_line_saying_what_to_install(tmp_path: Path) -> None:
    hint = "install Apache Maven (e.g. `apt-get install maven`)"
    with pytest.raises(PrerequisiteMissing) as caught:
        find_program("mvn", hint, search_path=str(tmp_path))
    message = str(caught.value)
    assert message == missing_message("mvn", hint)
    assert "`mvn`" in message
    assert "apt-get install maven" in message
    assert "\n" not in message


def test_java_major_version_reads_old_and_new_banners() -> None:
    assert java_major_version('openjdk version "17.0.15" 2025-04-15') == 17
    assert java_major_version('java version "1.8.0_392"') == 8
    assert java_major_version("no banner") is None


def test_scram_verifier_has_postgresqls_form_and_a_fresh_salt_each_time() -> None:
    verifier = scram_sha256_verifier("pencil", salt=b"0123456789abcdef")
    assert verifier.startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    assert verifier == scram_sha256_verifier("pencil", salt=b"0123456789abcdef")
    assert "pencil" not in verifier
    assert scram_sha256_verifier("pencil") != scram_sha256_verifier("pencil")


def test_settings_load_the_credentials_written_to_the_stack_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HUB_PG_ADMIN_PASSWORD", "HUB_PG_HUB_PASSWORD", "HUB_PG_PARTNER_PASSWORDS", "HUB_PG_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HUB_STACK_DIR", str(tmp_path))
    written = StackCredentials.generate()
    write_env_file(tmp_path / "hub.env", written)

    StackAuthority(tmp_path / "tls").ensure()

    settings = Settings()

    assert stat.S_IMODE((tmp_path / "hub.env").stat().st_mode) == 0o600
    assert StackCredentials.from_settings(settings) == written
    login = settings.partner_login("SCO")
    assert login.connect_kwargs()["password"] == written.partners["SCO"].get_secret_value()
    assert login.connect_kwargs()["ssl"].check_hostname
    assert login.connect_kwargs()["ssl"].verify_mode == ssl.CERT_REQUIRED
    reader = settings.partner_reader_login("SCO")
    assert reader.url() == "postgresql://partner_sco_reader@127.0.0.1:15432/partner_sco"
    assert reader.connect_kwargs()["password"] == written.readers["SCO"].get_secret_value()
    assert settings.hub_reader_login().url() == "postgresql://hub_reader@127.0.0.1:15432/hub"
    assert login.url() == "postgresql://partner_sco@127.0.0.1:15432/partner_sco"
    assert written.partners["SCO"].get_secret_value() not in repr(login)


def test_the_environment_wins_over_the_stack_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUB_STACK_DIR", str(tmp_path))
    write_env_file(tmp_path / "hub.env", StackCredentials.generate())
    monkeypatch.setenv("HUB_PG_HUB_PASSWORD", "from-the-environment")
    assert Settings().hub_login().password.get_secret_value() == "from-the-environment"
