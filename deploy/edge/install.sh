#!/usr/bin/env bash
# Installs the EdgeCloud agent on a Linux device as a systemd service.
# Usage: sudo deploy/edge/install.sh [--endpoint http://hub:8001] [--device-id ID] [--fleet NAME]
# Builds a self-contained agent (needs the .NET SDK on the build machine; the device needs no runtime).
set -euo pipefail
cd "$(dirname "$0")/../.."

endpoint="" device_id="$(hostname)" fleet="default" rid="${RID:-linux-x64}"
while [ $# -gt 0 ]; do
  case "$1" in
    --endpoint) endpoint="$2"; shift 2 ;;
    --device-id) device_id="$2"; shift 2 ;;
    --fleet) fleet="$2"; shift 2 ;;
    *) echo "install.sh: unknown argument '$1' (expected --endpoint, --device-id, --fleet)" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (it creates a user and a systemd unit)" >&2; exit 1; }

dotnet publish src/EdgeAgent -c Release -r "$rid" --self-contained -o /opt/edgecloud/agent
id edgecloud >/dev/null 2>&1 || useradd --system --home /var/lib/edgecloud --shell /usr/sbin/nologin edgecloud
install -d -o edgecloud -g edgecloud -m 0750 /var/lib/edgecloud /var/lib/edgecloud/agent /var/lib/edgecloud/seed
install -d -m 0755 /etc/edgecloud
if [ -d models/repo ]; then cp -r models/repo/. /var/lib/edgecloud/seed/ && chown -R edgecloud:edgecloud /var/lib/edgecloud/seed; fi

umask 077
cat > /etc/edgecloud/agent.env <<ENV
Agent__DeviceId=$device_id
Agent__Fleet=$fleet
Agent__Cloud__Endpoint=$endpoint
ENV
chown root:edgecloud /etc/edgecloud/agent.env && chmod 0640 /etc/edgecloud/agent.env

install -m 0644 deploy/edge/edgecloud-agent.service /etc/systemd/system/edgecloud-agent.service
systemctl daemon-reload
systemctl enable --now edgecloud-agent
echo "EdgeCloud agent installed: systemctl status edgecloud-agent; API on 127.0.0.1:9001 (gRPC) and :9000 (REST)"
