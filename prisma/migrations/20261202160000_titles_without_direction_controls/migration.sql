-- Titles never keep Unicode direction controls, which make a title display in another order than
-- it is stored. Titles stored before this rule lose them. Quotes keep them: they must stay equal
-- to the readout's text, and are shown with the controls escaped.
UPDATE "Pledge"
   SET title = regexp_replace(title, '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')
 WHERE title ~ '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
