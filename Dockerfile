# Runs the Telegram bot. Token from the environment: POLICYBOT_TELEGRAM_TOKEN.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 policybot
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY flows ./flows
RUN pip install --no-cache-dir .
USER policybot
ENV POLICYBOT_DB=/home/policybot/data/policybot.db
VOLUME ["/home/policybot/data"]
# Warm the knowledge base (parses the built-in notices into the database) at build time? No:
# the volume is mounted at run time, so the first start parses them (well under a second).
CMD ["policybot", "telegram"]
