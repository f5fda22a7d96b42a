"use client";

import { useEffect, useState } from "react";

/** Searches after a pause in typing, or at once on Enter, so each keystroke does not hit the database. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), 400);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
      style={{ display: "flex", maxWidth: "40rem" }}
    >
      <label htmlFor="pledge-search" className="visually-hidden">
        Search pledge titles and quotes
      </label>
      <input
        id="pledge-search"
        type="search"
        placeholder="Search titles and quotes…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: "100%" }}
      />
    </form>
  );
}
