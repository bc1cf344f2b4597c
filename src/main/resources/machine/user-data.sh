#!/bin/bash
# cloud-init user data written by labcloud for machine @MACHINE@ (Amazon Linux 2023).
# 1. the idle agent first, so that idle-stop works even if the rest fails;
# 2. Miniforge (conda + mamba) for ec2-user; 3. JupyterLab as a service on 127.0.0.1:8888 with a
# random token made here (it never travels in user data). Log: /var/log/labcloud-setup.log
set -euo pipefail
exec >>/var/log/labcloud-setup.log 2>&1
echo "labcloud setup started $(date -u +%FT%TZ)"

install -d -m 0755 /etc/labcloud /var/lib/labcloud-idle
cat >/etc/labcloud/idle-agent.conf <<'CONF'
# minutes without use before the machine stops itself (the labcloud:idle-stop tag overrides it)
IDLE_MINUTES=@IDLE_MINUTES@
CONF
cat >/usr/local/bin/labcloud-idle-agent <<'AGENT'
@AGENT@
AGENT
chmod 0755 /usr/local/bin/labcloud-idle-agent

cat >/etc/systemd/system/labcloud-idle.service <<'UNIT'
[Unit]
Description=labcloud idle agent: stop this machine when nobody uses it

[Service]
Type=oneshot
ExecStart=/usr/bin/python3 /usr/local/bin/labcloud-idle-agent
UNIT
cat >/etc/systemd/system/labcloud-idle.timer <<'UNIT'
[Unit]
Description=Run the labcloud idle agent every 5 minutes

[Timer]
OnBootSec=5min
OnUnitActiveSec=5min

[Install]
WantedBy=timers.target
UNIT
systemctl daemon-reload
systemctl enable --now labcloud-idle.timer

user=ec2-user
home=/home/$user
install -d -m 0700 -o "$user" -g "$user" "$home/.labcloud"
if [ ! -s "$home/.labcloud/jupyter-token" ]; then
  (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32))' >"$home/.labcloud/jupyter-token")
  chown "$user:$user" "$home/.labcloud/jupyter-token"
fi

arch="$(uname -m)"
if [ ! -x "$home/miniforge3/bin/conda" ]; then
  installer="$(mktemp /tmp/miniforge.XXXXXX.sh)"
  curl -fsSL --retry 5 -o "$installer" \
    "https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-Linux-${arch}.sh"
  chmod 0755 "$installer"
  sudo -u "$user" bash "$installer" -b -p "$home/miniforge3"
  rm -f "$installer"
  sudo -u "$user" "$home/miniforge3/bin/conda" init bash
fi
sudo -u "$user" "$home/miniforge3/bin/mamba" install -y -n base jupyterlab ipykernel

cat >/etc/systemd/system/jupyter.service <<'UNIT'
[Unit]
Description=JupyterLab on 127.0.0.1:8888 (reach it through the SSH tunnel)
After=network-online.target

[Service]
User=ec2-user
WorkingDirectory=/home/ec2-user
# the token is read from a 0600 file into the environment, so it is not on the command line
ExecStart=/bin/bash -c 'JUPYTER_TOKEN="$(cat /home/ec2-user/.labcloud/jupyter-token)" exec /home/ec2-user/miniforge3/bin/jupyter lab --no-browser --ip=127.0.0.1 --port=8888'
Restart=on-failure

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl enable --now jupyter.service
echo "labcloud setup finished $(date -u +%FT%TZ)"
