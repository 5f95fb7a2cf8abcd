-- Nothing to undo: the queue drains by itself.
SELECT 1;
