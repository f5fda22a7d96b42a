-- Session tokens are kept as their SHA-256 digest (server/session-tokens.ts). Sessions stored in
-- clear before this rule get the same digest, so signed-in users stay signed in.
UPDATE "session"
   SET token = 'sha256:' || encode(sha256(convert_to(token, 'UTF8')), 'hex')
 WHERE token NOT LIKE 'sha256:%';
