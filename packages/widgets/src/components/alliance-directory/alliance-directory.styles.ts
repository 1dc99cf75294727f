import { css } from 'lit';

/** Styles of `<fk-alliance-directory>`; the shared tokens and base come first in `styles`. */
export const styles = css`
  .root {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: 0;
  }
  .title {
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
  }
  .filters {
    display: grid;
    gap: 0.75em;
    grid-template-columns: 1fr;
  }
  @container (min-width: 40em) {
    .filters {
      grid-template-columns: 2fr 1fr 1fr;
      align-items: end;
    }
  }
  .count {
    min-block-size: 1.5em;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .cards {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr));
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
    min-block-size: 9em;
    padding: 0.875em 1em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card-title {
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.3;
  }
  .linklike {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .badge {
    align-self: flex-start;
    padding: 0.05em 0.5em;
    border-radius: 1em;
    background: var(--_surface-alt);
    color: var(--_text);
    font-size: 0.8125em;
    font-weight: 600;
  }
  .small {
    font-size: 0.9375em;
  }
  .skeleton-line {
    block-size: 1em;
    margin-block: 0.25em;
  }
  .w-40 { inline-size: 40%; }
  .w-60 { inline-size: 60%; }
  .w-80 { inline-size: 80%; }
  .skeleton-control {
    block-size: max(2.75em, 44px);
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75em;
    padding: var(--_space);
    border: 0.0625em dashed var(--_border);
    border-radius: var(--_radius);
  }
  .profile {
    display: flex;
    flex-direction: column;
    gap: 1.25em;
  }
  .profile section {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .section-title {
    font-size: 1.125em;
    font-weight: 700;
  }
  .facts {
    display: grid;
    gap: 0.5em 1.5em;
    grid-template-columns: 1fr;
    padding: 0.875em 1em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  @container (min-width: 40em) {
    .facts {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .facts dt {
    font-weight: 600;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .people {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
  }
  .person {
    display: flex;
    flex-direction: column;
    gap: 0.1em;
  }
  .person-name {
    font-weight: 600;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .tag {
    padding: 0.2em 0.7em;
    border: 0.0625em solid var(--_border);
    border-radius: 1em;
    font-size: 0.9375em;
  }
  .groups {
    display: flex;
    flex-direction: column;
    gap: 1em;
  }
  .group-title {
    font-weight: 700;
    padding-block-end: 0.25em;
    border-block-end: 0.0625em solid var(--_border);
  }
  .members li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1em 0.75em;
    padding-block: 0.4em;
    border-block-end: 0.0625em solid var(--_surface-alt);
  }
  .member-name {
    font-weight: 600;
  }
  .member-filters {
    display: grid;
    gap: 0.75em;
    grid-template-columns: 1fr;
  }
  @container (min-width: 40em) {
    .member-filters {
      grid-template-columns: 2fr 1fr;
      align-items: end;
    }
  }
  .prose p + p {
    margin-block-start: 0.75em;
  }
  .back {
    align-self: flex-start;
  }
`;
