-- Issue 12: an identity number is shown as its first 4 and last 2 characters (4101************34)
-- instead of first 4 and last 4. The new mask is a part of the old one, so stored masks are
-- rewritten without decrypting anything.
UPDATE residents SET id_masked = left(id_masked, 4) || repeat('*', 12) || right(id_masked, 2)
WHERE id_masked IS NOT NULL AND length(id_masked) = 18 AND substr(id_masked, 5, 10) = '**********';
