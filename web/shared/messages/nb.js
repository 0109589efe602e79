// (being written)
export default {};
