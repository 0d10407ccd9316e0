-- Every entry and exit rewrites a spot row (its status is in the partial index's predicate, so no HOT update)
-- and the fold rewrites counter rows every quarter second. Measured in a 20,000-spot burst: 42,595 dead spot
-- tuples to 22,788 live, autovacuum not yet run, and each allocation walking dead index entries. Vacuum these
-- tables early and without throttling.
alter table spot set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500,
                      autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.05);
alter table zone_counter set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                              autovacuum_vacuum_cost_delay = 0);
alter table zone_counter_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                    autovacuum_vacuum_cost_delay = 0);
