import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ledger_redeem(jsonb)`: the write half of a kiosk redemption as ONE statement. Called outside any
 * explicit transaction, the call is its own transaction, so the household's account, the goods and
 * the store's account are locked only while this function runs (never across a network round
 * trip) and are released by the commit that follows it at once.
 *
 * In one go, in this lock order (household account → goods by id → store account), it:
 * - claims the Idempotency-Key (a concurrent twin waits on the key row, then replays the answer);
 * - locks the household's account and checks the blacklist, the store and the balance;
 * - appends the balanced entry (2 legs), the receipt, the stock movements, the outbox event and
 *   the audit row the service built and validated;
 * - takes the goods (a price changed since the read, or not enough left: refused) and announces
 *   goods falling to their low-stock threshold;
 * - moves both balances and stores the answer under the key.
 *
 * Business refusals are raised with SQLSTATE `LDG01`, the code as message and JSON details, so
 * the whole call rolls back (the key too: a refused basket may be retried with the same key).
 * The CHECK constraints (balance ≥ 0, quantity ≥ 0) and the balance trigger still stand behind it.
 */
export class CreateRedeemFunction1763900002501 implements MigrationInterface {
  name = 'CreateRedeemFunction1763900002501';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION ledger_redeem(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
      DECLARE
        v_caller text := p->>'caller';
        v_key text := p->>'key';
        v_total bigint := (p->>'total')::bigint;
        v_account uuid := (p->>'accountId')::uuid;
        v_store uuid := (p->>'storeId')::uuid;
        v_store_account uuid := (p->>'storeAccountId')::uuid;
        v_entry uuid := (p->>'entryId')::uuid;
        v_redemption uuid := (p->>'redemptionId')::uuid;
        v_previous record;
        v_household record;
        v_line record;
        v_after integer;
        v_threshold integer;
        v_available integer;
        v_event jsonb;
        v_body jsonb;
      BEGIN
        INSERT INTO idempotency_key (caller, key, operation, request_hash, response_status, response_body)
        VALUES (v_caller, v_key, p->>'operation', p->>'requestHash', 0, 'null'::jsonb)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          SELECT request_hash, response_status, response_body INTO v_previous
          FROM idempotency_key WHERE caller = v_caller AND key = v_key;
          IF v_previous.request_hash <> p->>'requestHash' THEN
            RAISE EXCEPTION 'IDEMPOTENCY_KEY_REUSED' USING ERRCODE = 'LDG01';
          END IF;
          RETURN jsonb_build_object('replayed', true, 'status', v_previous.response_status,
            'body', v_previous.response_body);
        END IF;

        SELECT a.balance,
          EXISTS (SELECT 1 FROM blacklist_entry b WHERE b.household_id = a.household_id AND b.status = 'active'
            AND b.blocks_redemption AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN b.starts_on AND b.ends_on) AS blocked,
          (SELECT s.active FROM store_view s WHERE s.id = v_store) AS store_active
        INTO v_household
        FROM account a WHERE a.id = v_account AND a.household_id = (p->>'householdId')::uuid
        FOR NO KEY UPDATE OF a;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'HOUSEHOLD_NOT_FOUND' USING ERRCODE = 'LDG01';
        END IF;
        IF v_household.blocked THEN
          RAISE EXCEPTION 'REDEMPTION_BLOCKED' USING ERRCODE = 'LDG01';
        END IF;
        IF v_household.store_active IS NOT TRUE THEN
          RAISE EXCEPTION 'STORE_INACTIVE' USING ERRCODE = 'LDG01';
        END IF;
        IF v_household.balance < v_total THEN
          RAISE EXCEPTION 'INSUFFICIENT_POINTS' USING ERRCODE = 'LDG01',
            DETAIL = jsonb_build_object('balance', v_household.balance, 'needed', v_total)::text;
        END IF;

        INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role, reference_type, reference_id)
        VALUES (v_entry, 'redemption', p->>'reason', p->>'operatorId', p->>'operatorRole', 'redemption', v_redemption);
        INSERT INTO journal_leg (entry_id, account_id, amount)
        VALUES (v_entry, v_account, -v_total), (v_entry, v_store_account, v_total);
        INSERT INTO redemption (id, receipt_number, household_id, store_id, total_points, lines, entry_id, balance_after, status)
        VALUES (v_redemption, p->>'receiptNumber', (p->>'householdId')::uuid, v_store, v_total, p->'lines',
          v_entry, v_household.balance - v_total, 'completed');
        INSERT INTO stock_movement (goods_id, store_id, kind, quantity_delta, redemption_id, operator_id)
        SELECT (l->>'goodsId')::uuid, v_store, 'redemption', -(l->>'quantity')::integer, v_redemption, p->>'operatorId'
        FROM jsonb_array_elements(p->'lines') l;
        INSERT INTO outbox (event_id, topic, message_key, event_type, envelope)
        SELECT (e->>'eventId')::uuid, e->>'topic', e->>'key', e->>'type', e->'envelope' FROM (SELECT p->'event' AS e) x;
        INSERT INTO audit_log (actor_id, role, scope, action, target_type, target_id, details, ip, user_agent)
        SELECT a->>'actorId', a->>'role', a->>'scope', a->>'action', a->>'targetType', a->>'targetId',
          a->'details', (a->>'ip')::inet, a->>'userAgent' FROM (SELECT p->'audit' AS a) x;

        -- The shared rows last, goods in id order, each only while enough is left at the read price.
        FOR v_line IN
          SELECT (l->>'goodsId')::uuid AS goods_id, (l->>'quantity')::integer AS quantity,
            (l->>'unitPoints')::bigint AS unit_points, l->>'name' AS name
          FROM jsonb_array_elements(p->'lines') l ORDER BY 1
        LOOP
          UPDATE goods SET quantity = quantity - v_line.quantity
          WHERE id = v_line.goods_id AND store_id = v_store AND price_points = v_line.unit_points
            AND quantity >= v_line.quantity
          RETURNING quantity, low_stock_threshold INTO v_after, v_threshold;
          IF NOT FOUND THEN
            SELECT quantity INTO v_available FROM goods
            WHERE id = v_line.goods_id AND store_id = v_store AND price_points = v_line.unit_points;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'PRICE_CHANGED' USING ERRCODE = 'LDG01',
                DETAIL = jsonb_build_object('goodsId', v_line.goods_id)::text;
            END IF;
            RAISE EXCEPTION 'OUT_OF_STOCK' USING ERRCODE = 'LDG01',
              DETAIL = jsonb_build_object('goodsId', v_line.goods_id, 'name', v_line.name,
                'available', v_available, 'requested', v_line.quantity)::text;
          END IF;
          IF v_after + v_line.quantity > v_threshold AND v_after <= v_threshold THEN
            v_event := p->'lowStock'->(v_line.goods_id::text);
            IF v_event IS NOT NULL THEN
              INSERT INTO outbox (event_id, topic, message_key, event_type, envelope)
              VALUES ((v_event->>'eventId')::uuid, v_event->>'topic', v_event->>'key', v_event->>'type',
                jsonb_set(jsonb_set(v_event->'envelope', '{payload,quantity}', to_jsonb(v_after)),
                  '{payload,threshold}', to_jsonb(v_threshold)));
            END IF;
          END IF;
        END LOOP;

        UPDATE account SET balance = balance + CASE WHEN id = v_account THEN -v_total ELSE v_total END
        WHERE id IN (v_account, v_store_account);

        v_body := p->'receipt' || jsonb_build_object(
          'balanceAfter', v_household.balance - v_total,
          'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
        UPDATE idempotency_key SET response_status = 200, response_body = v_body
        WHERE caller = v_caller AND key = v_key;
        RETURN jsonb_build_object('replayed', false, 'status', 200, 'body', v_body);
      END $fn$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION IF EXISTS ledger_redeem(jsonb)');
  }
}
