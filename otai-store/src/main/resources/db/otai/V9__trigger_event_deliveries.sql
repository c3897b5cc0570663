-- The sender's delivery id of a stored event (Zammad's X-Zammad-Delivery, Zendesk's invocation id), as the SHA-256
-- hex of the id so that any header fits: a delivery that a helpdesk sends again, to this node or another, is
-- acknowledged and not stored twice. Rows without a delivery id (NULL) never collide.
ALTER TABLE trigger_events ADD COLUMN delivery_id VARCHAR(64);
CREATE UNIQUE INDEX trigger_events_delivery ON trigger_events (trigger_id, delivery_id, runner_id);
