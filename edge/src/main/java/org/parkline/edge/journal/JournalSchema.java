package org.parkline.edge.journal;

import java.util.List;

/** The journal's tables; created when missing, never altered in place (a new version adds tables or columns). */
final class JournalSchema {

    private JournalSchema() {}

    static final List<String> DDL = List.of(
            """
            create table if not exists event (
                seq                integer primary key autoincrement,
                event_id           text not null unique,
                gate_id            text not null,
                kind               text not null check (kind in ('ENTRY', 'EXIT')),
                mode               text not null check (mode in ('ONLINE', 'OFFLINE')),
                occurred_at        text not null,
                vehicle_type       text,
                plate              text, -- kept only until central has the event, then erased
                quota_place_id     text,
                ticket_ref         text,
                central_ticket_id  text,
                amount_due         text,
                amount_collected   text,
                amount_uncollected text,
                replayed_at        text,
                outcome            text
            )""",
            "create index if not exists event_pending on event (seq) where mode = 'OFFLINE' and replayed_at is null",
            """
            create table if not exists ticket (
                ref               text primary key, -- the barcode printed (offline: the entry event id)
                central_ticket_id text,
                entry_at          text not null,
                vehicle_type      text not null,
                exited_at         text
            )""",
            """
            create table if not exists quota_place (
                place_id     text primary key,
                gate_id      text not null,
                vehicle_type text not null,
                floor_id     text,
                zone         text,
                spot_id      text,
                used_by      text -- the offline entry event admitted on it
            )""",
            "create table if not exists meta (key text primary key, value text not null)");
}
