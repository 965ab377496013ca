export enum GreetingActionType {
  Say = '@quidproquo-core/Greeting/Say',
}
