/** Ticket type-change and conversion rules, free of React and zod so forms, runners and route handlers share them. */
export {
  DEFAULT_DESCRIPTION,
  DEFAULT_TITLE,
  activeListOptions,
  attributeLabel,
  attributeValueError,
  displayValue,
  isEmptyValue,
  listLabel,
  listOptions,
  scalarValue,
  type AttrValue,
} from "./attributes";
export {
  CUSTOMER_ONLY_REASON,
  TITLE_FROM_BODY_CHARS,
  convertChoices,
  convertDefaults,
  planConvert,
  type ConvertChoice,
  type ConvertRequest,
} from "./convert";
export { categoryLabel, stateCategoryLabel } from "./labels";
export {
  defaultStateFor,
  planTypeChange,
  resultingAttributes,
  ticketForPlan,
  typeChoices,
  type AttributeOutcome,
  type DroppedAttribute,
  type TicketForPlan,
  type TypeChangePlan,
  type TypeChangeRequest,
  type TypeChoice,
} from "./type-change";
