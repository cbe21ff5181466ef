-- The office's procedure (SPEC §11): deadline settings take the grammar
-- 30m / 2h / 3wd / 5d / eod / none and are named by step. The older names
-- are renamed with their unit, so every office keeps its own time limits.
UPDATE settings SET key = substr(key, 1, length(key) - length('_hours')), value = value || 'h'
WHERE key GLOB 'deadline.*.contact_hours' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';
UPDATE settings SET key = substr(key, 1, length(key) - length('_workdays')), value = value || 'wd'
WHERE key GLOB 'deadline.*.resolve_workdays' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';
UPDATE settings SET key = substr(key, 1, length(key) - length('followup_workdays')) || 'follow_up', value = value || 'wd'
WHERE key GLOB 'deadline.*.followup_workdays' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';
