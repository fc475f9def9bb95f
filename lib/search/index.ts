/** The search query model shared by the builder and the server: catalogue, validation, conversion, URLs. */
export * from "./fields";
export * from "./model";
export { searchQuerySchema, MAX_LIST_VALUES, MAX_TEXT_LENGTH } from "./schema";
export {
  buildCatalogue,
  CUSTOM_ATTRIBUTES_TOPIC,
  TICKET_ATTRIBUTES_TOPIC,
  type Catalogue,
  type CatalogueField,
  type CatalogueSource,
} from "./catalogue";
export { acceptsMe, acceptsNull, acceptsRelative, filterError, isMeValue, isRelativeValue, validate } from "./validate";
export {
  defaultQuery,
  fromIntercom,
  resolveQuery,
  toIntercom,
  toSearchRequest,
  type FromIntercomResult,
} from "./convert";
export { decodeQuery, encodeQuery, URL_VERSION } from "./url";
export {
  describeDate,
  describeQuery,
  describeRelative,
  operatorLabel,
  type DescribeOptions,
  type OperatorLabelOptions,
} from "./describe";
