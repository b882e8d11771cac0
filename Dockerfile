# Runs the Telegram bot (polling). Token from the environment: POLICYBOT_TELEGRAM_TOKEN.
# For WeCom: docker run … policybot wecom --port 8080 (POLICYBOT_WECOM_* settings).
FROM python:3.11-slim-bookworm
RUN useradd --create-home --uid 10001 policybot \
    && mkdir -p /home/policybot/data \
    && chown policybot:policybot /home/policybot/data \
    && chmod 700 /home/policybot/data
WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY flows ./flows
RUN pip install --no-cache-dir -c constraints.txt .
USER policybot
ENV POLICYBOT_DB=/home/policybot/data/policybot.db
# The data volume belongs to the non-root user (created above, before VOLUME).
VOLUME ["/home/policybot/data"]
# 8080: WeCom callback (policybot wecom); 8443: Telegram webhook (POLICYBOT_TELEGRAM_WEBHOOK_URL).
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["policybot", "health"]
# The first start parses the built-in notices into the database (well under a second).
CMD ["policybot", "telegram"]
